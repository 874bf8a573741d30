package org.regatta.controlplane.master;

import java.util.List;

/**
 * A task as the leader records it in ZooKeeper, before it asks an agent to launch it: a new
 * leader finds every task here, and agents' reports reconcile the states.
 */
public record StoredTask(String id, String appId, String agentId, String host,
    List<Integer> ports, String state, Boolean healthy, String stagedAt, String startedAt,
    String version) {

  public StoredTask {
    ports = List.copyOf(ports);
  }

  public static final List<String> TERMINAL =
      List.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_ERROR");

  public boolean terminal() {
    return TERMINAL.contains(state);
  }

  public StoredTask withState(String s, Boolean h, String startedAtIfRunning) {
    return new StoredTask(id, appId, agentId, host, ports, s, h, stagedAt,
        startedAt == null && "TASK_RUNNING".equals(s) ? startedAtIfRunning : startedAt, version);
  }
}
