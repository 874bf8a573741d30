package org.regatta.controlplane.scheduler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the scheduler decides on: the agents and the tasks that hold resources on them. Agents'
 * {@code used} and {@code portsInUse} are what is taken; running tasks tell which app sits where
 * (for constraints) and which framework holds what (for fair share).
 */
public record ClusterView(List<Agent> agents, List<RunningTask> running) {

  public ClusterView {
    agents = List.copyOf(agents);
    running = List.copyOf(running);
    Set<String> ids = new HashSet<>();
    for (Agent a : agents) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("agent " + a.id() + " appears twice in the view");
      }
    }
    Set<String> tasks = new HashSet<>();
    for (RunningTask t : running) {
      if (!tasks.add(t.taskId())) {
        throw new IllegalArgumentException("task " + t.taskId() + " appears twice in the view");
      }
    }
  }

  public static ClusterView of(List<Agent> agents) {
    return new ClusterView(agents, List.of());
  }
}
