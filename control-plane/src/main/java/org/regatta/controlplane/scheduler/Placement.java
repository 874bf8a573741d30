package org.regatta.controlplane.scheduler;

import java.util.List;

/** A decision: launch {@code task} on the agent, on these host ports (in the task's order). */
public record Placement(TaskRequest task, String agentId, String hostname, List<Integer> hostPorts) {

  public Placement {
    hostPorts = List.copyOf(hostPorts);
  }

  /** The task as the next view should hold it once launched. */
  public RunningTask asRunning() {
    return new RunningTask(task.taskId(), task.appId(), task.framework(), agentId,
        task.resources(), hostPorts);
  }
}
