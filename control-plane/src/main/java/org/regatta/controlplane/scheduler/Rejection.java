package org.regatta.controlplane.scheduler;

/** One cause that kept a task off some agents: {@code insufficient mem} on 3 agents. */
public record Rejection(String cause, int agents) {

  @Override
  public String toString() {
    if (agents == 0) {
      return cause;
    }
    return cause + " on " + agents + (agents == 1 ? " agent" : " agents");
  }
}
