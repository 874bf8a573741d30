package org.regatta.controlplane.agent.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.regatta.controlplane.agent.HealthState;
import org.regatta.controlplane.agent.TaskState;
import org.regatta.controlplane.agent.TaskStatus;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/**
 * The latest report of every task, and the order of the pushes: each change is handed to
 * {@code push} under this book's lock, so reports leave in the order the changes happened, and a
 * health verdict is read under the same lock, so a late checker thread cannot push a stale one.
 */
final class TaskBook {

  private record Entry(TaskReport report, TaskState state, Instant at) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Consumer<TaskReport> push;

  TaskBook(Consumer<TaskReport> push) {
    this.push = Objects.requireNonNull(push, "push");
  }

  /** A state change: recorded and pushed. Only a RUNNING task has a health verdict. */
  synchronized TaskReport status(TaskStatus status, List<Integer> ports,
      Supplier<Optional<HealthState>> verdict) {
    Boolean healthy = status.state() == TaskState.RUNNING ? Reports.healthy(verdict.get()) : null;
    TaskReport report = Reports.of(status, ports, healthy);
    entries.put(status.taskId(), new Entry(report, status.state(), status.timestamp()));
    push.accept(report);
    return report;
  }

  /** A health result of a task: pushed when its verdict (healthy, unhealthy, unknown) changed. */
  synchronized Optional<TaskReport> health(String taskId, Instant at,
      Supplier<Optional<HealthState>> verdict) {
    Entry e = entries.get(taskId);
    if (e == null || e.state() != TaskState.RUNNING) {
      return Optional.empty(); // the RUNNING report reads the verdict itself
    }
    Boolean healthy = Reports.healthy(verdict.get());
    if (Objects.equals(healthy, e.report().healthy())) {
      return Optional.empty();
    }
    TaskReport old = e.report();
    TaskReport report = new TaskReport(old.taskId(), old.appId(), old.state(), old.message(),
        old.ports(), healthy, at.toString());
    entries.put(taskId, new Entry(report, e.state(), at));
    push.accept(report);
    return Optional.of(report);
  }

  synchronized Optional<TaskReport> report(String taskId) {
    return Optional.ofNullable(entries.get(taskId)).map(Entry::report);
  }

  /** Every task's latest report, in the order the tasks first appeared. */
  synchronized List<TaskReport> reports() {
    return entries.values().stream().map(Entry::report).toList();
  }

  /** Drops the tasks that ended at least {@code retention} before {@code now}; their ids. */
  synchronized List<String> expire(Instant now, Duration retention) {
    List<String> gone = new ArrayList<>();
    entries.values().removeIf(e -> {
      boolean old = e.state().isTerminal() && !e.at().plus(retention).isAfter(now);
      if (old) {
        gone.add(e.report().taskId());
      }
      return old;
    });
    return gone;
  }
}
