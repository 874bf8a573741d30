package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A request body read by {@link MarathonJson}: the value, or why it could not be read.
 * {@code ignoredFields} lists, sorted, the paths of fields Marathon does not know; like Marathon
 * they are dropped, and the server may log them (a typo such as {@code "intances"} is otherwise
 * silent).
 */
public record Parsed<T>(T value, ValidationResult errors, List<String> ignoredFields) {

  public Parsed {
    ignoredFields = List.copyOf(ignoredFields);
    if ((value == null) == errors.isValid()) {
      throw new IllegalArgumentException("either a value or errors");
    }
  }

  static <T> Parsed<T> ok(T value, List<String> ignoredFields) {
    return new Parsed<>(value, ValidationResult.valid(), ignoredFields);
  }

  static <T> Parsed<T> failed(ValidationResult errors) {
    return new Parsed<>(null, errors, List.of());
  }

  @JsonIgnore
  public boolean isValid() {
    return errors.isValid();
  }

  /** The value; an {@link IllegalStateException} naming the errors when there is none. */
  public T orElseThrow() {
    if (value == null) {
      throw new IllegalStateException("body not readable: " + MarathonJson.write(errors));
    }
    return value;
  }
}
