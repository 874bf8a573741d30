package org.regatta.controlplane.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * For one app and one field: how many of its tasks sit on each value, kept up to date as the
 * round places tasks, so that every constraint check is O(1) or O(log values).
 */
final class FieldCounts {

  /** The group of tasks on agents without the field (Marathon groups them under None). */
  private static final String ABSENT = "\u0000absent";

  private final Map<String, Integer> byValue = new HashMap<>();
  /** How many values hold n tasks, by n: its first key is the smallest group. */
  private final TreeMap<Integer, Integer> sizes = new TreeMap<>();
  private int total;

  void add(String value) {
    String key = value == null ? ABSENT : value;
    int before = byValue.getOrDefault(key, 0);
    byValue.put(key, before + 1);
    if (before > 0) {
      sizes.merge(before, -1, Integer::sum);
      sizes.remove(before, 0);
    }
    sizes.merge(before + 1, 1, Integer::sum);
    total++;
  }

  int count(String value) {
    return byValue.getOrDefault(value, 0);
  }

  /** Tasks of the app, wherever they sit. */
  int total() {
    return total;
  }

  /** Values that hold at least one task, the absent group included. */
  int groups() {
    return byValue.size();
  }

  int smallestGroup() {
    return sizes.isEmpty() ? 0 : sizes.firstKey();
  }
}
