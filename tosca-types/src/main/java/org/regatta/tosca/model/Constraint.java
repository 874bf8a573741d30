package org.regatta.tosca.model;

import java.util.List;
import org.regatta.tosca.yaml.Mark;

/** A constraint clause such as {@code greater_or_equal: 1}; arguments are kept as values. */
public record Constraint(String operator, List<Value> args, Mark mark) {
  public Constraint {
    args = List.copyOf(args);
  }

  public static final List<String> OPERATORS = List.of("equal", "greater_than", "greater_or_equal",
      "less_than", "less_or_equal", "in_range", "valid_values", "length", "min_length",
      "max_length", "pattern");

  @Override
  public String toString() {
    return operator + " " + (args.size() == 1 ? Value.display(args.get(0))
        : args.stream().map(Value::display).toList().toString());
  }
}
