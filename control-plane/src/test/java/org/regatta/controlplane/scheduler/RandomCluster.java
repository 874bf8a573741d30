package org.regatta.controlplane.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded random clusters and apps, small enough to hit every corner often. */
final class RandomCluster {

  private static final Constraint.Operator[] OPERATORS = Constraint.Operator.values();
  private static final String[] FIELDS =
      {"hostname", "hostname", "rack", "rack", "zone", "gpu_type"};
  private static final double[] CPUS = {0.1, 0.25, 0.5, 1, 2, 3};
  private static final double[] MEM = {32, 128, 512, 1024, 3000};

  private final Random rnd;
  private final int size;
  final List<Agent> agents = new ArrayList<>();
  final List<RunningTask> running = new ArrayList<>();
  private final List<TaskRequest> templates = new ArrayList<>();
  private final Map<String, Integer> nextInstance = new HashMap<>();

  /** {@code size} scales agents (up to 2.5 × size), apps and instances per round. */
  RandomCluster(Random rnd, int size) {
    this.rnd = rnd;
    this.size = size;
    int agentCount = rnd.nextInt(size * 5 / 2 + 1);
    for (int i = 0; i < agentCount; i++) {
      agents.add(randomAgent(i));
    }
    int apps = 1 + rnd.nextInt(size / 2 + 1);
    for (int j = 0; j < apps; j++) {
      templates.add(randomApp("/app" + j));
    }
    placeSomeRunningTasks();
  }

  ClusterView view() {
    return new ClusterView(agents, running);
  }

  /** A round's worth of new instances of the apps, interleaved; some wait for their backoff. */
  List<TaskRequest> pending(Instant now) {
    List<TaskRequest> out = new ArrayList<>();
    for (TaskRequest app : templates) {
      int n = rnd.nextInt(size);
      for (int k = 0; k < n; k++) {
        int i = nextInstance.merge(app.appId(), 1, Integer::sum);
        Instant notBefore = rnd.nextInt(10) == 0 ? now.plusSeconds(1 + rnd.nextInt(60))
            : rnd.nextBoolean() ? Instant.MIN : now.minusSeconds(rnd.nextInt(60));
        out.add(new TaskRequest(app.appId() + "." + i, app.appId(), app.framework(),
            app.resources(), app.hostPorts(), app.constraints(), notBefore));
      }
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private Agent randomAgent(int i) {
    List<PortRange> ranges = new ArrayList<>();
    if (rnd.nextInt(6) != 0) {
      int b = 31000 + rnd.nextInt(10);
      ranges.add(PortRange.of(b, b + rnd.nextInt(12)));
    }
    if (rnd.nextBoolean()) {
      int b = 31030 + rnd.nextInt(10);
      ranges.add(PortRange.of(b, b + rnd.nextInt(5)));
    }
    double cpus = new double[] {1, 2, 4, 8}[rnd.nextInt(4)];
    double mem = new double[] {512, 1024, 2048, 4096}[rnd.nextInt(4)];
    double disk = new double[] {0, 1000, 10_000, 10_000}[rnd.nextInt(4)];
    int gpus = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(2) : 0;
    Resources total = new Resources(cpus, mem, disk, gpus, ranges);
    Resources used = new Resources(cpus * rnd.nextInt(3) / 4, mem * rnd.nextInt(3) / 4,
        disk * rnd.nextInt(2) / 2, rnd.nextInt(gpus + 1), List.of());
    Map<String, String> attributes = new HashMap<>();
    if (rnd.nextInt(8) != 0) {
      attributes.put("rack", "r" + rnd.nextInt(4));
    }
    if (rnd.nextInt(3) != 0) {
      attributes.put("zone", "z" + rnd.nextInt(2));
    }
    Set<Integer> inUse = new HashSet<>();
    for (int k = rnd.nextInt(4); k > 0; k--) {
      inUse.add(rnd.nextInt(10) == 0 ? 22 : 31000 + rnd.nextInt(45));
    }
    int state = rnd.nextInt(20);
    AgentState s = state < 17 ? AgentState.ACTIVE
        : state < 19 ? AgentState.DRAINING : AgentState.UNREACHABLE;
    return new Agent("a" + i, "h" + i + ".test", total, used, attributes, inUse, s);
  }

  private TaskRequest randomApp(String appId) {
    Framework f = rnd.nextBoolean() ? Framework.SERVICES : Framework.JOBS;
    Resources r = new Resources(CPUS[rnd.nextInt(CPUS.length)], MEM[rnd.nextInt(MEM.length)],
        rnd.nextBoolean() ? 0 : 100, rnd.nextInt(15) == 0 ? 1 : 0, List.of());
    List<Integer> ports = new ArrayList<>();
    for (int k = rnd.nextInt(3); k > 0; k--) {
      ports.add(0);
    }
    if (rnd.nextInt(5) == 0) {
      ports.add(rnd.nextInt(ports.size() + 1), 31000 + rnd.nextInt(25));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (int k = rnd.nextInt(3); k > 0; k--) {
      constraints.add(randomConstraint());
    }
    return new TaskRequest(appId + ".template", appId, f, r, ports, constraints, Instant.MIN);
  }

  private Constraint randomConstraint() {
    String field = FIELDS[rnd.nextInt(FIELDS.length)];
    Constraint.Operator op = OPERATORS[rnd.nextInt(OPERATORS.length)];
    String value = switch (op) {
      case UNIQUE -> "";
      case CLUSTER -> rnd.nextBoolean() ? "" : someValue(field);
      case GROUP_BY -> rnd.nextBoolean() ? "" : String.valueOf(rnd.nextInt(4));
      case LIKE, UNLIKE -> rnd.nextBoolean() ? someValue(field) : someValue(field) + "|"
          + someValue(field).substring(0, 1) + "[0-2].*";
      case MAX_PER -> String.valueOf(1 + rnd.nextInt(3));
    };
    return Constraint.of(field, op, value);
  }

  private String someValue(String field) {
    return switch (field) {
      case "hostname" -> "h" + rnd.nextInt(Math.max(1, agents.size())) + ".test";
      case "rack" -> "r" + rnd.nextInt(4);
      case "zone" -> "z" + rnd.nextInt(2);
      default -> "tesla";
    };
  }

  /** Running tasks anywhere, constraints or not (constraints may have changed since). */
  private void placeSomeRunningTasks() {
    if (agents.isEmpty()) {
      return;
    }
    for (int k = rnd.nextInt(size + 1); k > 0; k--) {
      TaskRequest app = templates.get(rnd.nextInt(templates.size()));
      int i = nextInstance.merge(app.appId(), 1, Integer::sum);
      String agentId = rnd.nextInt(10) == 0 ? "gone" : "a" + rnd.nextInt(agents.size());
      List<Integer> ports = rnd.nextInt(3) == 0 ? List.of(31000 + rnd.nextInt(45)) : List.of();
      running.add(new RunningTask(app.appId() + "." + i, app.appId(), app.framework(), agentId,
          app.resources(), ports));
    }
  }
}
