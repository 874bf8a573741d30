package org.regatta.controlplane.scheduler;

/** Only ACTIVE agents receive new tasks; the others still count in the reasons a task waits. */
public enum AgentState {
  ACTIVE,
  /** Being emptied for maintenance or scale-down: keeps its tasks, gets no new ones. */
  DRAINING,
  /** Missed its heartbeats; its tasks are about to become TASK_LOST. */
  UNREACHABLE
}
