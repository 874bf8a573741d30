package org.regatta.controlplane.agent;

/** What asking to kill a task did; the terminal status follows through the listener. */
public enum KillResult {
  /** The kill is under way (or was already): SIGTERM, the grace period, then SIGKILL. */
  KILLING,
  /** The task had ended already; nothing was sent. */
  ALREADY_TERMINAL,
  /** This runner knows no task with that id. */
  UNKNOWN_TASK
}
