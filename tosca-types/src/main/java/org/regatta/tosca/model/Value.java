package org.regatta.tosca.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.regatta.tosca.yaml.Mark;
import org.regatta.tosca.yaml.YNode;

/** A property, input or output value: a literal, a list, a map, or a TOSCA function call. */
public sealed interface Value
    permits Value.Scalar, Value.ListValue, Value.MapValue, Value.Function, Value.Generated {

  Mark mark();

  /** The functions TOSCA defines; a one-key map whose key is one of these is a call. */
  Set<String> FUNCTIONS = Set.of("get_input", "get_property", "get_attribute", "concat", "token",
      "get_artifact", "get_operation_output", "get_nodes_of_type", "join");

  /** A literal scalar: its text as written and what YAML made of it. */
  record Scalar(String text, YNode.Kind kind, Mark mark) implements Value {
    public static Scalar string(String text, Mark mark) {
      return new Scalar(text, YNode.Kind.STRING, mark);
    }

    public boolean isNull() {
      return kind == YNode.Kind.NULL;
    }
  }

  record ListValue(List<Value> items, Mark mark) implements Value {
    public ListValue {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }

  record MapValue(Map<String, Value> entries, Mark mark) implements Value {
    public MapValue {
      entries = Ordered.copy(entries);
    }
  }

  /** A function call; {@code get_attribute} stays one until run time (a deferred value). */
  record Function(String name, List<Value> args, Mark mark) implements Value {
    public Function {
      args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The arguments as plain strings (a path such as {@code [SELF, host, num_cpus]}). */
    public List<String> path() {
      return args.stream().map(Value::display).collect(Collectors.toList());
    }
  }

  /** A secret input the user did not give: generated once per deployment. */
  record Generated(String input, Mark mark) implements Value {}

  /** True when the value, or anything inside it, is known only at run time. */
  static boolean isDeferred(Value v) {
    if (v instanceof Function || v instanceof Generated) {
      return true;
    }
    if (v instanceof ListValue l) {
      return l.items().stream().anyMatch(Value::isDeferred);
    }
    if (v instanceof MapValue m) {
      return m.entries().values().stream().anyMatch(Value::isDeferred);
    }
    return false;
  }

  /** A short, YAML-like rendering for messages and plans. */
  static String display(Value v) {
    if (v instanceof Scalar s) {
      return s.isNull() ? "null" : s.text();
    }
    if (v instanceof ListValue l) {
      return l.items().stream().map(Value::display).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof MapValue m) {
      return m.entries().entrySet().stream().map(e -> e.getKey() + ": " + display(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof Function f) {
      return "{" + f.name() + ": " + f.args().stream().map(Value::display)
          .collect(Collectors.joining(", ", "[", "]")) + "}";
    }
    return "<generated secret " + ((Generated) v).input() + ">";
  }
}
