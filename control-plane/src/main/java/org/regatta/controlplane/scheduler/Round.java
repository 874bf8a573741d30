package org.regatta.controlplane.scheduler;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The working state of one {@link Scheduler#schedule} call; discarded when it returns. */
final class Round {

  private final List<AgentSlot> slots = new ArrayList<>();
  /** ACTIVE agents, least loaded first: the first one that admits a task takes it. */
  private final TreeSet<AgentSlot> active = new TreeSet<>(AgentSlot.LEAST_LOADED);
  private final Map<String, AgentSlot> byId = new HashMap<>();
  private final Map<String, List<RunningTask>> runningByApp = new HashMap<>();
  private final Set<String> runningIds = new HashSet<>();
  private final Map<String, AppTasks> apps = new HashMap<>();
  private final Map<String, byte[]> regexResults = new HashMap<>();
  private final Map<String, Integer> activeValues = new HashMap<>();
  private final Map<Shape, Failure> failures = new HashMap<>();
  private final DrfLedger ledger;

  private final List<Placement> placements = new ArrayList<>();
  private final List<Unplaced> unplaced = new ArrayList<>();

  Round(ClusterView view, FairShareWeights weights) {
    Map<String, List<Integer>> portsByAgent = new HashMap<>();
    for (RunningTask t : view.running()) {
      runningIds.add(t.taskId());
      portsByAgent.computeIfAbsent(t.agentId(), a -> new ArrayList<>()).addAll(t.hostPorts());
      runningByApp.computeIfAbsent(t.appId(), a -> new ArrayList<>()).add(t);
    }
    for (Agent agent : view.agents()) {
      AgentSlot slot = new AgentSlot(agent, slots.size(),
          portsByAgent.getOrDefault(agent.id(), List.of()));
      slots.add(slot);
      byId.put(agent.id(), slot);
      if (agent.state() == AgentState.ACTIVE) {
        active.add(slot);
      }
    }
    ledger = new DrfLedger(view, weights);
  }

  SchedulingResult run(List<TaskRequest> pending, Instant now) {
    Map<Framework, ArrayDeque<TaskRequest>> queues = new EnumMap<>(Framework.class);
    List<Delayed> delayed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TaskRequest t : pending) {
      if (!seen.add(t.taskId()) || runningIds.contains(t.taskId())) {
        throw new IllegalArgumentException("task " + t.taskId()
            + " is pending twice or already running");
      }
      if (t.notBefore().isAfter(now)) {
        delayed.add(new Delayed(t, t.notBefore()));
      } else {
        queues.computeIfAbsent(t.framework(), f -> new ArrayDeque<>()).add(t);
      }
    }
    Set<Framework> waiting = EnumSet.noneOf(Framework.class);
    waiting.addAll(queues.keySet());
    while (!waiting.isEmpty()) {
      Framework next = ledger.next(waiting);
      ArrayDeque<TaskRequest> queue = queues.get(next);
      offer(queue.poll());
      if (queue.isEmpty()) {
        waiting.remove(next);
      }
    }
    return new SchedulingResult(placements, unplaced, delayed, ledger.shares());
  }

  private void offer(TaskRequest task) {
    AppTasks app = app(task.appId());
    Shape shape = new Shape(task.appId(), task.resources(), task.hostPorts(), task.constraints());
    Failure known = failures.get(shape);
    // Nothing the round does frees resources, and only this app's own placements change its
    // constraints: a shape that fit nowhere still fits nowhere while the app has not grown.
    if (known != null && known.appSize == app.size()) {
      unplaced.add(new Unplaced(task, known.rejections));
      return;
    }
    Ask ask = new Ask(task);
    ConstraintCheck[] checks = app.checks(task.constraints(), c -> compile(c, app));
    AgentSlot chosen = null;
    for (AgentSlot slot : active) {
      if (slot.admits(ask, null) && allows(checks, slot)) {
        chosen = slot;
        break;
      }
    }
    if (chosen == null) {
      List<Rejection> rejections = explain(ask, checks);
      failures.put(shape, new Failure(app.size(), rejections));
      unplaced.add(new Unplaced(task, rejections));
      return;
    }
    active.remove(chosen);
    List<Integer> ports = chosen.allocate(ask);
    active.add(chosen);
    app.add(chosen);
    ledger.add(task.framework(), task.resources());
    placements.add(new Placement(task, chosen.agent.id(), chosen.agent.hostname(), ports));
  }

  private static boolean allows(ConstraintCheck[] checks, AgentSlot slot) {
    for (ConstraintCheck check : checks) {
      if (!check.allows(slot)) {
        return false;
      }
    }
    return true;
  }

  /** Every cause on every agent, for a task that fit nowhere. */
  private List<Rejection> explain(Ask ask, ConstraintCheck[] checks) {
    if (slots.isEmpty()) {
      return List.of(new Rejection("no agents in the cluster", 0));
    }
    Tally tally = new Tally();
    for (AgentSlot slot : slots) {
      if (slot.agent.state() != AgentState.ACTIVE) {
        tally.add(slot.stateCause());
        continue;
      }
      boolean fits = slot.admits(ask, tally);
      for (ConstraintCheck check : checks) {
        if (!check.allows(slot)) {
          fits = tally.add(check.cause());
        }
      }
      if (fits) {
        throw new IllegalStateException("agent " + slot.agent.id() + " admits task "
            + ask.task.taskId() + " that the scan turned down");
      }
    }
    return tally.rejections();
  }

  private AppTasks app(String appId) {
    AppTasks app = apps.get(appId);
    if (app == null) {
      app = new AppTasks();
      for (RunningTask t : runningByApp.getOrDefault(appId, List.of())) {
        AgentSlot slot = byId.get(t.agentId());
        if (slot != null) {
          app.add(slot);
        }
      }
      apps.put(appId, app);
    }
    return app;
  }

  private ConstraintCheck compile(Constraint c, AppTasks app) {
    return switch (c.operator()) {
      case LIKE, UNLIKE -> ConstraintCheck.matching(c, regexResults.computeIfAbsent(
          c.field() + '\u0000' + c.value(), k -> new byte[slots.size()]));
      case GROUP_BY -> ConstraintCheck.counting(c, app.counts(c.field()),
          c.value().isEmpty() ? activeValues(c.field()) : c.count());
      case MAX_PER -> ConstraintCheck.counting(c, app.counts(c.field()), c.count());
      case UNIQUE, CLUSTER -> ConstraintCheck.counting(c, app.counts(c.field()), 0);
    };
  }

  /**
   * GROUP_BY without a value balances over every value the ACTIVE agents have: Marathon learns
   * values from offers and asks users to spell the number out; this scheduler sees them all.
   */
  private int activeValues(String field) {
    return activeValues.computeIfAbsent(field, f -> {
      Set<String> values = new HashSet<>();
      for (AgentSlot slot : active) {
        String v = slot.value(f);
        if (v != null) {
          values.add(v);
        }
      }
      return values.size();
    });
  }

  /** Tasks that ask the same of the same app fit or fail alike. */
  private record Shape(String appId, Resources resources, List<Integer> hostPorts,
      List<Constraint> constraints) {}

  private record Failure(int appSize, List<Rejection> rejections) {}
}
