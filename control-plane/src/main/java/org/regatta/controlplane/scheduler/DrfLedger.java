package org.regatta.controlplane.scheduler;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Dominant Resource Fairness (Ghodsi et al., NSDI 2011): what each framework holds, and which one
 * is offered next — the lowest dominant share divided by its weight; ties go in enum order.
 */
final class DrfLedger {

  private final double[] capacity = new double[4];
  private final Map<Framework, double[]> held = new EnumMap<>(Framework.class);
  private final FairShareWeights weights;

  DrfLedger(ClusterView view, FairShareWeights weights) {
    this.weights = weights;
    for (Agent a : view.agents()) {
      accumulate(capacity, a.total());
    }
    for (Framework f : Framework.values()) {
      held.put(f, new double[4]);
    }
    for (RunningTask t : view.running()) {
      add(t.framework(), t.resources());
    }
  }

  void add(Framework framework, Resources resources) {
    accumulate(held.get(framework), resources);
  }

  double dominantShare(Framework framework) {
    double[] h = held.get(framework);
    double share = 0;
    for (int i = 0; i < capacity.length; i++) {
      if (capacity[i] > 0) {
        share = Math.max(share, h[i] / capacity[i]);
      }
    }
    return share;
  }

  Framework next(Set<Framework> candidates) {
    Framework best = null;
    double bestShare = Double.POSITIVE_INFINITY;
    for (Framework f : Framework.values()) {
      if (candidates.contains(f)) {
        double s = dominantShare(f) / weights.weight(f);
        if (s < bestShare) {
          best = f;
          bestShare = s;
        }
      }
    }
    return best;
  }

  Map<Framework, Double> shares() {
    Map<Framework, Double> out = new EnumMap<>(Framework.class);
    for (Framework f : Framework.values()) {
      out.put(f, dominantShare(f));
    }
    return out;
  }

  private static void accumulate(double[] into, Resources r) {
    into[0] += r.cpus();
    into[1] += r.memMb();
    into[2] += r.diskMb();
    into[3] += r.gpus();
  }
}
