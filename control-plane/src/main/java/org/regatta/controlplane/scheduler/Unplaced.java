package org.regatta.controlplane.scheduler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A task no agent could take this round, with every cause counted over the agents (an agent that
 * fails two checks counts under both). This backlog is what the elasticity manager reads.
 */
public record Unplaced(TaskRequest task, List<Rejection> rejections) {

  public Unplaced {
    rejections = List.copyOf(rejections);
    if (rejections.isEmpty()) {
      throw new IllegalArgumentException("an unplaced task needs a reason: " + task.taskId());
    }
  }

  /** E.g. {@code insufficient mem on 3 agents, constraint hostname:UNIQUE on 2 agents}. */
  public String reason() {
    return rejections.stream().map(Rejection::toString).collect(Collectors.joining(", "));
  }
}
