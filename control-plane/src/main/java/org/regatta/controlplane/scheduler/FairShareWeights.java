package org.regatta.controlplane.scheduler;

import java.util.EnumMap;
import java.util.Map;

/**
 * Weights for weighted Dominant Resource Fairness: a framework with weight 2 is entitled to twice
 * the dominant share of one with weight 1.
 */
public record FairShareWeights(Map<Framework, Double> weights) {

  public FairShareWeights {
    for (Framework f : Framework.values()) {
      Double w = weights.get(f);
      if (w == null || !(w > 0) || w.isInfinite()) {
        throw new IllegalArgumentException("framework " + f
            + " needs a finite weight > 0, got " + w);
      }
    }
    weights = Map.copyOf(weights);
  }

  public static FairShareWeights equal() {
    return of(1, 1);
  }

  public static FairShareWeights of(double services, double jobs) {
    Map<Framework, Double> w = new EnumMap<>(Framework.class);
    w.put(Framework.SERVICES, services);
    w.put(Framework.JOBS, jobs);
    return new FairShareWeights(w);
  }

  public double weight(Framework framework) {
    return weights.get(framework);
  }
}
