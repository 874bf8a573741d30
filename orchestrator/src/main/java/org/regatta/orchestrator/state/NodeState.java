package org.regatta.orchestrator.state;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of one cloud node of a deployment (INDIGO's resource states). */
public enum NodeState {
  INITIAL, CREATING, CREATED, CONFIGURING, CONFIGURED, STARTED, DELETING, DELETED, ERROR;

  public Set<NodeState> next() {
    return switch (this) {
      case INITIAL -> EnumSet.of(CREATING, DELETING, ERROR);
      case CREATING -> EnumSet.of(CREATED, DELETING, ERROR);
      case CREATED -> EnumSet.of(CONFIGURING, DELETING, ERROR);
      case CONFIGURING -> EnumSet.of(CONFIGURED, DELETING, ERROR);
      case CONFIGURED -> EnumSet.of(STARTED, CONFIGURING, DELETING, ERROR);
      // a started node is configured again when the cluster around it changes (scale)
      case STARTED -> EnumSet.of(CONFIGURING, DELETING, ERROR);
      case DELETING -> EnumSet.of(DELETED, ERROR);
      case ERROR -> EnumSet.of(CREATING, CONFIGURING, DELETING);
      case DELETED -> EnumSet.noneOf(NodeState.class);
    };
  }

  public Transition to(NodeState target) {
    return target == this ? Transition.NOOP
        : next().contains(target) ? Transition.SUCCESS : Transition.ILLEGAL;
  }
}
