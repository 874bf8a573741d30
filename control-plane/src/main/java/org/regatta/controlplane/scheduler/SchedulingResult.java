package org.regatta.controlplane.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one round. Every pending task is in exactly one list; placements and unplaced
 * tasks are in decision order. {@code dominantShares} are the frameworks' unweighted dominant
 * shares after the round (running tasks included).
 */
public record SchedulingResult(
    List<Placement> placements,
    List<Unplaced> unplaced,
    List<Delayed> delayed,
    Map<Framework, Double> dominantShares) {

  public SchedulingResult {
    placements = List.copyOf(placements);
    unplaced = List.copyOf(unplaced);
    delayed = List.copyOf(delayed);
    dominantShares = Map.copyOf(dominantShares);
  }

  public Optional<Placement> placementOf(String taskId) {
    return placements.stream().filter(p -> p.task().taskId().equals(taskId)).findFirst();
  }

  public Optional<Unplaced> unplacedOf(String taskId) {
    return unplaced.stream().filter(u -> u.task().taskId().equals(taskId)).findFirst();
  }
}
