package org.regatta.controlplane.scheduler;

import java.util.List;
import java.util.Objects;

/** A task that holds resources on an agent (staged or running). */
public record RunningTask(
    String taskId,
    String appId,
    Framework framework,
    String agentId,
    Resources resources,
    List<Integer> hostPorts) {

  public RunningTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(resources, "resources");
    hostPorts = List.copyOf(hostPorts);
  }
}
