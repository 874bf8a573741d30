package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An independent, naive re-statement of the scheduler's rules (Marathon's constraint semantics,
 * straight from their definitions), used to check a result by replaying its placements in order.
 */
final class Oracle {

  private static final double SLACK = 1e-6;

  private final String ctx;
  private final ClusterView view;
  private final Map<String, Agent> agents = new HashMap<>();
  private final Map<String, double[]> used = new HashMap<>();
  private final Map<String, Set<Integer>> ports = new HashMap<>();
  private final Map<String, List<Agent>> appAgents = new HashMap<>();

  private Oracle(String ctx, ClusterView view) {
    this.ctx = ctx;
    this.view = view;
    for (Agent a : view.agents()) {
      agents.put(a.id(), a);
      Resources u = a.used();
      used.put(a.id(), new double[] {u.cpus(), u.memMb(), u.diskMb(), u.gpus()});
      ports.put(a.id(), new HashSet<>(a.portsInUse()));
    }
    for (RunningTask t : view.running()) {
      Agent a = agents.get(t.agentId());
      if (a != null) {
        ports.get(a.id()).addAll(t.hostPorts());
        appAgents.computeIfAbsent(t.appId(), k -> new ArrayList<>()).add(a);
      }
    }
  }

  /** Checks every invariant of {@code result}; {@code ctx} (with the seed) prefixes failures. */
  static void check(String ctx, ClusterView view, List<TaskRequest> pending, Instant now,
      SchedulingResult result) {
    new Oracle(ctx, view).verify(pending, now, result);
  }

  /** The view after the placements are launched. */
  static ClusterView apply(ClusterView view, SchedulingResult result) {
    Map<String, List<Placement>> byAgent = result.placements().stream()
        .collect(Collectors.groupingBy(Placement::agentId));
    List<Agent> agents = new ArrayList<>();
    for (Agent a : view.agents()) {
      Resources u = a.used();
      Set<Integer> inUse = new HashSet<>(a.portsInUse());
      for (Placement p : byAgent.getOrDefault(a.id(), List.of())) {
        u = u.plus(p.task().resources());
        inUse.addAll(p.hostPorts());
      }
      agents.add(a.withUsed(u).withPortsInUse(inUse));
    }
    List<RunningTask> running = new ArrayList<>(view.running());
    result.placements().forEach(p -> running.add(p.asRunning()));
    return new ClusterView(agents, running);
  }

  private void verify(List<TaskRequest> pending, Instant now, SchedulingResult result) {
    checkPartition(pending, now, result);
    for (Placement p : result.placements()) {
      checkPlacement(p);
    }
    for (Unplaced u : result.unplaced()) {
      checkUnplaced(u);
    }
    checkShares(result);
  }

  private void checkPartition(List<TaskRequest> pending, Instant now, SchedulingResult r) {
    List<TaskRequest> out = new ArrayList<>();
    r.placements().forEach(p -> out.add(p.task()));
    r.unplaced().forEach(u -> out.add(u.task()));
    r.delayed().forEach(d -> out.add(d.task()));
    assertEquals(pending.size(), out.size(), ctx + ": every pending task once");
    assertEquals(new HashSet<>(pending), new HashSet<>(out), ctx + ": the pending tasks");
    for (Delayed d : r.delayed()) {
      assertTrue(d.task().notBefore().isAfter(now), ctx + ": delayed too early " + d);
      assertEquals(d.task().notBefore(), d.until(), ctx);
    }
    long due = pending.stream().filter(t -> t.notBefore().isAfter(now)).count();
    assertEquals(due, r.delayed().size(), ctx + ": delayed tasks");
  }

  private void checkPlacement(Placement p) {
    Agent a = agents.get(p.agentId());
    String where = ctx + ": " + p.task().taskId() + " on " + p.agentId();
    assertTrue(a != null && a.state() == AgentState.ACTIVE, where + " is not an active agent");
    assertEquals(a.hostname(), p.hostname(), where);
    assertTrue(fits(a, p.task()), where + " over-commits " + a + " used "
        + java.util.Arrays.toString(used.get(a.id())) + " ports " + ports.get(a.id()));
    for (Constraint c : p.task().constraints()) {
      assertTrue(holds(c, a, appAgents.getOrDefault(p.task().appId(), List.of())),
          where + " breaks " + c);
    }
    checkPorts(where, a, p);
    double chosen = load(a);
    for (Agent other : view.agents()) {
      if (other.state() == AgentState.ACTIVE && admits(other, p.task())) {
        assertTrue(chosen <= load(other) + 1e-9, where + " (load " + chosen + ") while "
            + other.id() + " had load " + load(other));
      }
    }
    take(a, p);
  }

  private void checkPorts(String where, Agent a, Placement p) {
    List<Integer> asked = p.task().hostPorts();
    assertEquals(asked.size(), p.hostPorts().size(), where + ": port count");
    Set<Integer> taken = ports.get(a.id());
    Set<Integer> mine = new HashSet<>();
    for (int i = 0; i < asked.size(); i++) {
      int port = p.hostPorts().get(i);
      if (asked.get(i) != 0) {
        assertEquals(asked.get(i), port, where + ": required port");
      }
      assertTrue(inRanges(a, port), where + ": port " + port + " outside " + a.total().ports());
      assertFalse(taken.contains(port), where + ": port " + port + " used twice");
      assertTrue(mine.add(port), where + ": port " + port + " twice in one task");
    }
  }

  private void checkUnplaced(Unplaced u) {
    String where = ctx + ": unplaced " + u.task().taskId();
    assertFalse(u.reason().isBlank(), where + " without a reason");
    if (!view.agents().isEmpty()) {
      int counted = u.rejections().stream().mapToInt(Rejection::agents).sum();
      assertTrue(counted >= view.agents().size(), where + ": " + u.reason());
    }
    // Each app has one shape, so a task that fit nowhere still fits nowhere at the end.
    for (Agent a : view.agents()) {
      if (a.state() == AgentState.ACTIVE && admits(a, u.task())) {
        fail(where + " (" + u.reason() + ") although " + a.id() + " takes it");
      }
    }
  }

  private void checkShares(SchedulingResult r) {
    double[] capacity = new double[4];
    view.agents().forEach(a -> add(capacity, a.total()));
    Map<Framework, double[]> held = new HashMap<>();
    for (Framework f : Framework.values()) {
      held.put(f, new double[4]);
    }
    view.running().forEach(t -> add(held.get(t.framework()), t.resources()));
    r.placements().forEach(p -> add(held.get(p.task().framework()), p.task().resources()));
    for (Framework f : Framework.values()) {
      double share = 0;
      for (int i = 0; i < 4; i++) {
        if (capacity[i] > 0) {
          share = Math.max(share, held.get(f)[i] / capacity[i]);
        }
      }
      assertEquals(share, r.dominantShares().get(f), 1e-9, ctx + ": share of " + f);
    }
  }

  private boolean admits(Agent a, TaskRequest t) {
    if (!fits(a, t)) {
      return false;
    }
    List<Agent> placed = appAgents.getOrDefault(t.appId(), List.of());
    return t.constraints().stream().allMatch(c -> holds(c, a, placed));
  }

  private boolean fits(Agent a, TaskRequest t) {
    double[] u = used.get(a.id());
    Resources total = a.total();
    Resources r = t.resources();
    if (u[0] + r.cpus() > total.cpus() + SLACK || u[1] + r.memMb() > total.memMb() + SLACK
        || u[2] + r.diskMb() > total.diskMb() + SLACK || u[3] + r.gpus() > total.gpus()) {
      return false;
    }
    Set<Integer> taken = ports.get(a.id());
    int free = 0;
    for (PortRange range : total.ports()) {
      for (int port = range.begin(); port <= range.end(); port++) {
        free += taken.contains(port) ? 0 : 1;
      }
    }
    for (int port : t.requiredPorts()) {
      if (!inRanges(a, port) || taken.contains(port)) {
        return false;
      }
      free--;
    }
    return free >= t.dynamicPortCount();
  }

  private void take(Agent a, Placement p) {
    double[] u = used.get(a.id());
    Resources r = p.task().resources();
    u[0] += r.cpus();
    u[1] += r.memMb();
    u[2] += r.diskMb();
    u[3] += r.gpus();
    ports.get(a.id()).addAll(p.hostPorts());
    appAgents.computeIfAbsent(p.task().appId(), k -> new ArrayList<>()).add(a);
  }

  private double load(Agent a) {
    double[] u = used.get(a.id());
    Resources t = a.total();
    double[] total = {t.cpus(), t.memMb(), t.diskMb(), t.gpus()};
    double l = 0;
    for (int i = 0; i < 4; i++) {
      if (total[i] > 0) {
        l = Math.max(l, u[i] / total[i]);
      }
    }
    return l;
  }

  /** Marathon's rule for one constraint, given the agents of the app's tasks so far. */
  private boolean holds(Constraint c, Agent offer, List<Agent> placed) {
    Optional<String> offered = offer.fieldValue(c.field());
    if (offered.isEmpty()) {
      return c.operator() == Constraint.Operator.UNLIKE;
    }
    String v = offered.get();
    Function<Agent, Optional<String>> valueOf = a -> a.fieldValue(c.field());
    long here = placed.stream().filter(a -> valueOf.apply(a).equals(offered)).count();
    switch (c.operator()) {
      case LIKE:
        return v.matches(c.value());
      case UNLIKE:
        return !v.matches(c.value());
      case UNIQUE:
        return here == 0;
      case CLUSTER:
        return c.value().isEmpty() ? here == placed.size() : v.equals(c.value());
      case MAX_PER:
        return here < Integer.parseInt(c.value());
      case GROUP_BY:
        Map<Optional<String>, Long> groups = placed.stream()
            .collect(Collectors.groupingBy(valueOf, Collectors.counting()));
        if (here == 0) {
          return true;
        }
        long smallest = groups.values().stream().mapToLong(Long::longValue).min().orElse(0);
        int minimum = c.value().isEmpty() ? activeValues(c.field()) : c.count();
        return groups.size() >= minimum && here == smallest;
      default:
        throw new AssertionError(c);
    }
  }

  private int activeValues(String field) {
    return (int) view.agents().stream().filter(a -> a.state() == AgentState.ACTIVE)
        .map(a -> a.fieldValue(field)).flatMap(Optional::stream).distinct().count();
  }

  private static boolean inRanges(Agent a, int port) {
    return a.total().ports().stream().anyMatch(r -> r.contains(port));
  }

  private static void add(double[] into, Resources r) {
    into[0] += r.cpus();
    into[1] += r.memMb();
    into[2] += r.diskMb();
    into[3] += r.gpus();
    Objects.requireNonNull(into);
  }
}
