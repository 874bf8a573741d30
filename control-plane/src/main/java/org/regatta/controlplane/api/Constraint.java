package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A placement constraint, on the wire an array {@code [field, operator]} or
 * {@code [field, operator, value]}. The operator is kept as written so that validation can name a
 * wrong one.
 */
public record Constraint(String field, String operator, String value) {

  /** The operators the scheduler honours. */
  public enum Operator {
    UNIQUE,
    CLUSTER,
    GROUP_BY,
    LIKE,
    UNLIKE,
    MAX_PER
  }

  public static Constraint of(String field, Operator operator) {
    return new Constraint(field, operator.name(), null);
  }

  public static Constraint of(String field, Operator operator, String value) {
    return new Constraint(field, operator.name(), value);
  }

  /** The operator, when it is one of {@link Operator}. */
  public Optional<Operator> knownOperator() {
    for (Operator o : Operator.values()) {
      if (o.name().equals(operator)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Constraint fromJson(List<String> parts) {
    if (parts.size() < 2 || parts.size() > 3) {
      throw new IllegalArgumentException("Each constraint must have either 2 or 3 fields");
    }
    return new Constraint(parts.get(0), parts.get(1), parts.size() == 3 ? parts.get(2) : null);
  }

  @JsonValue
  List<String> toJson() {
    List<String> out = new ArrayList<>(3);
    out.add(field);
    out.add(operator);
    if (value != null) {
      out.add(value);
    }
    return out;
  }
}
