package org.regatta.orchestrator.state;

import java.util.EnumSet;
import java.util.Set;

/** INDIGO's deployment statuses, with the moves allowed between them. */
public enum DeploymentStatus {
  CREATE_IN_PROGRESS, CREATE_COMPLETE, CREATE_FAILED,
  UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED,
  DELETE_IN_PROGRESS, DELETE_COMPLETE, DELETE_FAILED;

  public Set<DeploymentStatus> next() {
    return switch (this) {
      case CREATE_IN_PROGRESS -> EnumSet.of(CREATE_COMPLETE, CREATE_FAILED, DELETE_IN_PROGRESS);
      case CREATE_FAILED -> EnumSet.of(CREATE_IN_PROGRESS, DELETE_IN_PROGRESS);
      case CREATE_COMPLETE, UPDATE_COMPLETE, UPDATE_FAILED ->
          EnumSet.of(UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS);
      case UPDATE_IN_PROGRESS -> EnumSet.of(UPDATE_COMPLETE, UPDATE_FAILED, DELETE_IN_PROGRESS);
      case DELETE_IN_PROGRESS -> EnumSet.of(DELETE_COMPLETE, DELETE_FAILED);
      case DELETE_FAILED -> EnumSet.of(DELETE_IN_PROGRESS);
      case DELETE_COMPLETE -> EnumSet.noneOf(DeploymentStatus.class);
    };
  }

  public Transition to(DeploymentStatus target) {
    return target == this ? Transition.NOOP
        : next().contains(target) ? Transition.SUCCESS : Transition.ILLEGAL;
  }

  public boolean inProgress() {
    return this == CREATE_IN_PROGRESS || this == UPDATE_IN_PROGRESS
        || this == DELETE_IN_PROGRESS;
  }
}
