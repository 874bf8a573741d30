package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive, order-keeping immutable copies for the model records; null stays null (= absent). */
final class Copies {

  private Copies() {}

  static <T> List<T> list(List<T> in) {
    if (in == null) {
      return null;
    }
    List<T> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      T item = in.get(i);
      if (item == null) {
        throw new IllegalArgumentException("element " + i + " must not be null");
      }
      out.add(item);
    }
    return Collections.unmodifiableList(out);
  }

  /** Keeps insertion order (labels and env read back as they were written). */
  static <V> Map<String, V> map(Map<String, V> in) {
    if (in == null) {
      return null;
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : in.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("value of '" + e.getKey() + "' must not be null");
      }
      out.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  static <T> List<T> orEmpty(List<T> in) {
    return in == null ? List.of() : in;
  }

  static <V> Map<String, V> orEmpty(Map<String, V> in) {
    return in == null ? Map.of() : in;
  }
}
