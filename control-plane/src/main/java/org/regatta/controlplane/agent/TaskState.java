package org.regatta.controlplane.agent;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's lifecycle, named as Mesos names it (without the {@code TASK_} prefix):
 * STAGING → STARTING → RUNNING → FINISHED/FAILED/KILLED, and LOST, which only the master sets for
 * tasks no agent reports. Any live state may end in FAILED, KILLED or LOST; terminal states are
 * final.
 */
public enum TaskState {
  STAGING,
  STARTING,
  RUNNING,
  FINISHED,
  FAILED,
  KILLED,
  LOST;

  /** Whether the task has ended; a terminal state never changes. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == KILLED || this == LOST;
  }

  /** The Mesos name, e.g. {@code TASK_RUNNING}, as Marathon's API and events spell it. */
  public String mesosName() {
    return "TASK_" + name();
  }

  /** Whether the lifecycle allows moving from this state straight to {@code next}. */
  public boolean canMoveTo(TaskState next) {
    return successors().contains(next);
  }

  /** The result of asking to move from this state to {@code next}, without side effects. */
  public StateChangeResult check(TaskState next) {
    if (next == this) {
      return StateChangeResult.NOOP;
    }
    return canMoveTo(next) ? StateChangeResult.SUCCESS : StateChangeResult.ILLEGAL;
  }

  /** The states this one may move to directly. */
  public Set<TaskState> successors() {
    return switch (this) {
      case STAGING -> EnumSet.of(STARTING, FAILED, KILLED, LOST);
      case STARTING -> EnumSet.of(RUNNING, FAILED, KILLED, LOST);
      case RUNNING -> EnumSet.of(FINISHED, FAILED, KILLED, LOST);
      case FINISHED, FAILED, KILLED, LOST -> EnumSet.noneOf(TaskState.class);
    };
  }

  /** Parses {@code RUNNING} or {@code TASK_RUNNING}. */
  public static TaskState parse(String name) {
    String bare = name.startsWith("TASK_") ? name.substring("TASK_".length()) : name;
    return valueOf(bare);
  }
}
