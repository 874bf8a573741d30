package org.regatta.controlplane.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * One status update of a task, as the agent reports it to the master. {@code message} says why in
 * one sentence (exit code, kill path, whether cgroup limits hold); {@code timestamp} comes from the
 * runner's injected clock.
 */
public record TaskStatus(
    String taskId, String appId, TaskState state, String message, Instant timestamp) {

  public TaskStatus {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
