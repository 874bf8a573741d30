package org.regatta.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.regatta.controlplane.scheduler.Agent;
import org.regatta.controlplane.scheduler.AgentState;
import org.regatta.controlplane.scheduler.ClusterView;
import org.regatta.controlplane.scheduler.Constraint;
import org.regatta.controlplane.scheduler.Framework;
import org.regatta.controlplane.scheduler.PortRange;
import org.regatta.controlplane.scheduler.Resources;
import org.regatta.controlplane.scheduler.Scheduler;
import org.regatta.controlplane.scheduler.SchedulingResult;
import org.regatta.controlplane.scheduler.TaskRequest;

/**
 * Placements per second of one scheduling round on 5,000 simulated agents with 50,000 pending
 * tasks (goal >= 10,000/s), and the time to place a 500-instance app on 200 agents (the
 * scheduler's part of the <= 2 s all-RUNNING goal). Prints numbers; nothing asserts them.
 */
public final class SchedulerBench {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private SchedulerBench() {}

  public static void main(String[] args) {
    Scheduler scheduler = Scheduler.withEqualWeights();
    Random rnd = new Random(42);

    ClusterView big = ClusterView.of(agents(5_000, 16, 65_536, rnd));
    List<TaskRequest> mixed = mixedWorkload(50_000, rnd);
    report("5,000 agents, 50,000 tasks (mixed)", scheduler, big, mixed, 2, 5);
    // Asks about 1.6 times what is free: the round also explains every task left over.
    report("5,000 agents, 120,000 tasks (oversubscribed)", scheduler, big,
        mixedWorkload(120_000, rnd), 1, 3);

    ClusterView small = ClusterView.of(agents(200, 8, 32_768, rnd));
    TaskRequest web = TaskRequest.of("t", "/bench/web", Framework.SERVICES,
        Resources.of(0.5, 256, 0)).withDynamicPorts(1);
    report("200 agents, one app x 500", scheduler, small, instances(web, 500), 20, 50);
    report("200 agents, one app x 500, hostname:MAX_PER:3", scheduler, small,
        instances(web.withConstraints(Constraint.of("hostname", Constraint.Operator.MAX_PER,
            "3")), 500), 20, 50);
  }

  private static void report(String name, Scheduler scheduler, ClusterView view,
      List<TaskRequest> pending, int warmup, int runs) {
    SchedulingResult result = null;
    for (int i = 0; i < warmup; i++) {
      result = scheduler.schedule(view, pending, NOW);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = scheduler.schedule(view, pending, NOW);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    double median = ms[runs / 2];
    int placed = result.placements().size();
    System.out.printf("bench scheduler: %-46s placed=%d unplaced=%d  median=%.1f ms  max=%.1f ms"
        + "  placements/s=%,.0f  decisions/s=%,.0f%n", name, placed, result.unplaced().size(),
        median, ms[runs - 1], placed / (median / 1000), pending.size() / (median / 1000));
  }

  /** Agents in 50 racks and 3 zones, ports 31000-32000, a few draining. */
  static List<Agent> agents(int n, double cpus, double memMb, Random rnd) {
    List<Agent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Resources total = Resources.of(cpus, memMb, 500_000).withPorts(PortRange.of(31000, 32000));
      Resources used = Resources.of(cpus * rnd.nextInt(4) / 8, memMb * rnd.nextInt(4) / 8, 0);
      AgentState state = rnd.nextInt(100) == 0 ? AgentState.DRAINING : AgentState.ACTIVE;
      out.add(new Agent(String.format("agent-%05d", i), String.format("node-%05d.bench", i),
          total, used, Map.of("rack", "r" + (i % 50), "zone", "z" + (i % 3)), Set.of(), state));
    }
    return out;
  }

  /**
   * Services (70 %: 1-2 ports, a third UNIQUE per host, some GROUP_BY zone, MAX_PER rack or
   * LIKE rack) and jobs (no ports, no constraints), 5-50 instances per app, interleaved.
   */
  static List<TaskRequest> mixedWorkload(int tasks, Random rnd) {
    List<TaskRequest> out = new ArrayList<>(tasks);
    int app = 0;
    while (out.size() < tasks) {
      boolean service = rnd.nextInt(10) < 7;
      double cpus = new double[] {0.25, 0.5, 1, 2}[rnd.nextInt(4)];
      double mem = new double[] {256, 512, 1024, 4096}[rnd.nextInt(4)];
      TaskRequest template = TaskRequest.of("t", "/bench/app" + app++,
          service ? Framework.SERVICES : Framework.JOBS, Resources.of(cpus, mem, 100));
      if (service) {
        template = template.withDynamicPorts(1 + rnd.nextInt(2));
        int kind = rnd.nextInt(10);
        if (kind < 3) {
          template = template.withConstraints(Constraint.of("hostname",
              Constraint.Operator.UNIQUE));
        } else if (kind < 5) {
          template = template.withConstraints(Constraint.of("zone", Constraint.Operator.GROUP_BY));
        } else if (kind < 6) {
          template = template.withConstraints(Constraint.of("rack", Constraint.Operator.MAX_PER,
              "5"));
        } else if (kind < 7) {
          template = template.withConstraints(Constraint.of("rack", Constraint.Operator.LIKE,
              "r[0-2]?[0-9]"));
        }
      }
      int n = Math.min(5 + rnd.nextInt(46), tasks - out.size());
      out.addAll(instances(template, n));
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  static List<TaskRequest> instances(TaskRequest template, int n) {
    List<TaskRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new TaskRequest(template.appId() + "." + i, template.appId(),
          template.framework(), template.resources(), template.hostPorts(),
          template.constraints(), template.notBefore()));
    }
    return out;
  }
}
