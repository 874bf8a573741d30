package org.regatta.controlplane.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task waiting for a place. {@code hostPorts} has one entry per port the task needs: 0 for
 * "any port from the agent's ranges", a number for that exact port (Marathon's requirePorts or a
 * Docker hostPort). The task is not offered before {@code notBefore} (launch backoff).
 */
public record TaskRequest(
    String taskId,
    String appId,
    Framework framework,
    Resources resources,
    List<Integer> hostPorts,
    List<Constraint> constraints,
    Instant notBefore) {

  public TaskRequest {
    requireText("taskId", taskId);
    requireText("appId", appId);
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(notBefore, "notBefore");
    if (!resources.ports().isEmpty()) {
      throw new IllegalArgumentException(
          "task " + taskId + ": ask for ports through hostPorts, not port ranges");
    }
    hostPorts = List.copyOf(hostPorts);
    Set<Integer> fixed = new HashSet<>();
    for (int port : hostPorts) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("task " + taskId + ": host port " + port
            + " is outside 0-65535 (0 means any port)");
      }
      if (port != 0 && !fixed.add(port)) {
        throw new IllegalArgumentException("task " + taskId + ": host port " + port
            + " is asked twice");
      }
    }
    constraints = List.copyOf(constraints);
  }

  /** A task with no ports, no constraints and no launch delay. */
  public static TaskRequest of(String taskId, String appId, Framework framework,
      Resources resources) {
    return new TaskRequest(taskId, appId, framework, resources, List.of(), List.of(),
        Instant.MIN);
  }

  public TaskRequest withHostPorts(Integer... ports) {
    return new TaskRequest(taskId, appId, framework, resources, List.of(ports), constraints,
        notBefore);
  }

  /** Asks for {@code n} ports, any the agent offers. */
  public TaskRequest withDynamicPorts(int n) {
    List<Integer> zeros = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      zeros.add(0);
    }
    return new TaskRequest(taskId, appId, framework, resources, zeros, constraints, notBefore);
  }

  public TaskRequest withConstraints(Constraint... newConstraints) {
    return new TaskRequest(taskId, appId, framework, resources, hostPorts,
        List.of(newConstraints), notBefore);
  }

  public TaskRequest withNotBefore(Instant instant) {
    return new TaskRequest(taskId, appId, framework, resources, hostPorts, constraints, instant);
  }

  /** The exact ports asked for, in order. */
  public List<Integer> requiredPorts() {
    return hostPorts.stream().filter(p -> p != 0).toList();
  }

  /** How many ports the agent may choose. */
  public int dynamicPortCount() {
    return (int) hostPorts.stream().filter(p -> p == 0).count();
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("task " + name + " must not be blank");
    }
  }
}
