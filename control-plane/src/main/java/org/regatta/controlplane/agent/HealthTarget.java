package org.regatta.controlplane.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a task's health checks aim at: {@code host} and the task's ports for HTTP and TCP checks;
 * the task's environment and sandbox for COMMAND checks, which run inside the container
 * ({@code docker exec}) when {@code dockerTask} is set.
 */
public record HealthTarget(
    String taskId,
    String host,
    List<Integer> ports,
    Map<String, String> env,
    Path sandbox,
    boolean dockerTask) {

  public HealthTarget {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(host, "host");
    ports = List.copyOf(ports);
    env = Map.copyOf(env);
    Objects.requireNonNull(sandbox, "sandbox");
  }

  /** The target of a task run by this agent, reached at {@code host} (e.g. 127.0.0.1). */
  public static HealthTarget of(TaskSpec spec, String host, Path sandbox) {
    return new HealthTarget(spec.taskId(), host, spec.ports(),
        TaskEnvironment.of(spec, host, sandbox.toString()), sandbox, spec.isDocker());
  }

  /** The port a check uses: its fixed {@code port}, else the task's port at {@code portIndex}. */
  public int portFor(HealthCheckSpec check) {
    if (check.port() != 0) {
      return check.port();
    }
    if (check.portIndex() >= ports.size()) {
      throw new IllegalArgumentException("health check of task " + taskId + " uses portIndex "
          + check.portIndex() + " but the task has " + ports.size() + " port(s)");
    }
    return ports.get(check.portIndex());
  }
}
