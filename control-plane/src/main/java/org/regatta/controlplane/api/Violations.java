package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects errors by path, in the order they were found, for one {@link ValidationResult}. */
final class Violations {

  private final Map<String, List<String>> byPath = new LinkedHashMap<>();

  void add(String path, String error) {
    String key = path.isEmpty() ? "/" : path;
    List<String> errors = byPath.computeIfAbsent(key, p -> new ArrayList<>());
    if (!errors.contains(error)) {
      errors.add(error);
    }
  }

  /** Adds every detail of {@code r}, its paths put under {@code prefix}. */
  void addAll(ValidationResult r, String prefix) {
    for (ValidationResult.Detail d : r.details()) {
      String path = prefix.isEmpty() ? d.path() : d.path().equals("/") ? prefix : prefix + d.path();
      for (String e : d.errors()) {
        add(path, e);
      }
    }
  }

  boolean isEmpty() {
    return byPath.isEmpty();
  }

  ValidationResult result(String message) {
    if (byPath.isEmpty()) {
      return ValidationResult.valid();
    }
    List<ValidationResult.Detail> details = new ArrayList<>();
    byPath.forEach((p, e) -> details.add(new ValidationResult.Detail(p, e)));
    return new ValidationResult(message, details, null);
  }
}
