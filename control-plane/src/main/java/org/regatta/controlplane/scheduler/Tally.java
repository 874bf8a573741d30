package org.regatta.controlplane.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts, per cause, the agents that turned a task down. */
final class Tally {

  private final Map<String, Integer> counts = new HashMap<>();

  /** Counts one agent under {@code cause}; returns false so that callers can write fits = add(). */
  boolean add(String cause) {
    counts.merge(cause, 1, Integer::sum);
    return false;
  }

  /** Most frequent cause first, then by name. */
  List<Rejection> rejections() {
    List<Rejection> out = new ArrayList<>();
    counts.forEach((cause, n) -> out.add(new Rejection(cause, n)));
    out.sort(Comparator.comparingInt(Rejection::agents).reversed()
        .thenComparing(Rejection::cause));
    return out;
  }
}
