package org.regatta.controlplane.scheduler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Marathon placement constraint {@code [field, OPERATOR, value]} on {@code hostname} or an agent
 * attribute. It binds the tasks of one app only. An empty value means "none" (Marathon's proto
 * default); the README of this package gives each operator's rule.
 */
public record Constraint(String field, Operator operator, String value) {

  /** Marathon's operators that this scheduler honours. */
  public enum Operator {
    UNIQUE,
    CLUSTER,
    GROUP_BY,
    LIKE,
    UNLIKE,
    MAX_PER
  }

  public Constraint {
    value = value == null ? "" : value;
    Objects.requireNonNull(operator, "operator");
    Optional<String> problem = problem(field, operator, value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  public static Constraint of(String field, Operator operator) {
    return new Constraint(field, operator, "");
  }

  public static Constraint of(String field, Operator operator, String value) {
    return new Constraint(field, operator, value);
  }

  /**
   * Parses Marathon's JSON form, {@code ["hostname", "UNIQUE"]} or {@code ["rack", "MAX_PER",
   * "2"]}; throws IllegalArgumentException with the sentence {@link #check} gives.
   */
  public static Constraint parse(List<String> marathonForm) {
    Optional<String> problem = check(marathonForm);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return new Constraint(marathonForm.get(0), Operator.valueOf(marathonForm.get(1)),
        marathonForm.size() == 3 ? marathonForm.get(2) : "");
  }

  /** What is wrong with a constraint in Marathon's JSON form, for a 422 answer; empty if valid. */
  public static Optional<String> check(List<String> marathonForm) {
    if (marathonForm == null || marathonForm.size() < 2 || marathonForm.size() > 3
        || marathonForm.stream().anyMatch(Objects::isNull)) {
      return Optional.of("a constraint is [field, operator] or [field, operator, value], got "
          + marathonForm);
    }
    String op = marathonForm.get(1);
    Operator operator;
    try {
      operator = Operator.valueOf(op);
    } catch (IllegalArgumentException e) {
      return Optional.of("unknown constraint operator " + op + ", expected one of "
          + Arrays.toString(Operator.values()));
    }
    return problem(marathonForm.get(0), operator, marathonForm.size() == 3
        ? marathonForm.get(2) : "");
  }

  /** True for the field names that mean the agent's hostname rather than an attribute. */
  public static boolean isHostnameField(String field) {
    return "hostname".equals(field) || "@hostname".equals(field);
  }

  public boolean onHostname() {
    return isHostnameField(field);
  }

  /** The value as a count, for MAX_PER and GROUP_BY; GROUP_BY without a value gives 0. */
  public int count() {
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }

  /** Marathon's JSON form. */
  public List<String> toMarathonForm() {
    return value.isEmpty() ? List.of(field, operator.name())
        : List.of(field, operator.name(), value);
  }

  /** The form reasons use: {@code hostname:UNIQUE}, {@code rack:MAX_PER:2}. */
  @Override
  public String toString() {
    return field + ":" + operator + (value.isEmpty() ? "" : ":" + value);
  }

  private static Optional<String> problem(String field, Operator operator, String value) {
    if (field == null || field.isBlank()) {
      return Optional.of("a constraint needs a field (hostname or an attribute name)");
    }
    String where = "constraint " + field + ":" + operator + ": ";
    switch (operator) {
      case LIKE, UNLIKE -> {
        if (value.isEmpty()) {
          return Optional.of(where + "needs a regular expression as its value");
        }
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          return Optional.of(where + "'" + value + "' is not a regular expression: "
              + e.getDescription().toLowerCase(Locale.ROOT));
        }
      }
      case MAX_PER -> {
        if (!isCount(value) || Integer.parseInt(value) < 1) {
          return Optional.of(where + "needs a whole number >= 1 as its value, got '" + value
              + "'");
        }
      }
      case GROUP_BY -> {
        if (!value.isEmpty() && !isCount(value)) {
          return Optional.of(where + "takes a number of groups as its value, got '" + value
              + "'");
        }
      }
      case UNIQUE, CLUSTER -> {
        // UNIQUE ignores a value; CLUSTER's optional value pins the field to it.
      }
    }
    return Optional.empty();
  }

  private static boolean isCount(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
