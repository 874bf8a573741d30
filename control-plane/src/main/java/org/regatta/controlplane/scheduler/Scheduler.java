package org.regatta.controlplane.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The pure scheduler: a cluster view and the pending tasks in, placements and the reasons for the
 * rest out. No I/O, no threads, no clock of its own; the same input always gives the same result.
 * See this package's README for the pipeline and the rules.
 */
public final class Scheduler {

  private final FairShareWeights weights;

  public Scheduler(FairShareWeights weights) {
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  public static Scheduler withEqualWeights() {
    return new Scheduler(FairShareWeights.equal());
  }

  public FairShareWeights weights() {
    return weights;
  }

  /**
   * One scheduling round. {@code pending} is in priority order within each framework; tasks whose
   * {@code notBefore} is after {@code now} are returned as delayed. Throws IllegalArgumentException
   * when a task id is pending twice or is already running (a caller bug).
   */
  public SchedulingResult schedule(ClusterView view, List<TaskRequest> pending, Instant now) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(now, "now");
    return new Round(view, weights).run(pending, now);
  }
}
