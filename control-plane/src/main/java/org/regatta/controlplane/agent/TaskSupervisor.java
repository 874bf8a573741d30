package org.regatta.controlplane.agent;

import java.time.Clock;
import java.util.Objects;

/**
 * The agent's task runtime in one piece: a {@link TaskRunner} whose RUNNING tasks get their
 * declared health checks, and whose tasks are killed when a check finds them UNHEALTHY (the master
 * then sees KILLED and replaces them). Status updates and health results are passed on.
 */
public final class TaskSupervisor implements AutoCloseable {

  private final TaskRunner runner;
  private final HealthChecker checker;
  private final String checkHost;
  private final TaskStatusListener statuses;
  private final HealthListener health;

  /**
   * {@code checkHost} is where HTTP and TCP checks reach the tasks' ports (the agent's own address,
   * or 127.0.0.1 when tasks listen on loopback).
   */
  public TaskSupervisor(TaskRunner.Config config, UriFetcher fetcher, Clock clock,
      CheckScheduler scheduler, String checkHost, TaskStatusListener statuses,
      HealthListener health) {
    this.checkHost = Objects.requireNonNull(checkHost, "checkHost");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.health = Objects.requireNonNull(health, "health");
    this.checker = new HealthChecker(scheduler, clock, this::onHealth);
    this.runner = new TaskRunner(config, fetcher, clock, this::onStatus);
  }

  public TaskRunner runner() {
    return runner;
  }

  public HealthChecker healthChecker() {
    return checker;
  }

  public TaskHandle launch(TaskSpec spec) {
    return runner.launch(spec);
  }

  public KillResult kill(String taskId) {
    return runner.kill(taskId);
  }

  private void onStatus(TaskStatus status) {
    if (status.state() == TaskState.RUNNING) {
      runner.task(status.taskId()).ifPresent(h -> {
        if (!h.spec().healthChecks().isEmpty()) {
          checker.start(HealthTarget.of(h.spec(), checkHost, h.sandbox()), h.spec().healthChecks());
        }
      });
    } else if (status.state().isTerminal()) {
      checker.stop(status.taskId());
    }
    statuses.onStatus(status);
  }

  private void onHealth(HealthResult result) {
    health.onResult(result);
    if (result.changed() && result.state() == HealthState.UNHEALTHY) {
      runner.kill(result.taskId(), "failed " + result.consecutiveFailures()
          + " health checks in a row: " + result.message());
    }
  }

  @Override
  public void close() {
    runner.tasks().forEach(h -> checker.stop(h.taskId()));
    runner.close();
  }
}
