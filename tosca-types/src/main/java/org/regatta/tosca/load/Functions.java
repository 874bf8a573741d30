package org.regatta.tosca.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.NodeTemplate;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.RequirementAssignment;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.YNode;

/**
 * Evaluates the functions that are known before deployment ({@code get_input},
 * {@code get_property}, {@code concat}, {@code token}, {@code join}) and checks the others, which
 * stay as deferred values ({@code get_attribute} and friends).
 */
final class Functions {

  private static final Set<String> KEYWORDS = Set.of("SELF", "SOURCE", "TARGET", "HOST");
  private static final int MAX_DEPTH = 32;

  private final Map<String, PropertyDef> inputDefs;
  private final Map<String, Value> inputs;
  private final Map<String, NodeTemplate> nodes;
  private final TypeRegistry types;
  private final Problems problems;
  private int depth;

  Functions(Map<String, PropertyDef> inputDefs, Map<String, Value> inputs,
      Map<String, NodeTemplate> nodes, TypeRegistry types, Problems problems) {
    this.inputDefs = inputDefs;
    this.inputs = inputs;
    this.nodes = nodes;
    this.types = types;
    this.problems = problems;
  }

  /** The value with every function known now evaluated; {@code self} may be null (outputs). */
  Value resolve(Value v, NodeTemplate self, String path) {
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < l.items().size(); i++) {
        items.add(resolve(l.items().get(i), self, path + "[" + i + "]"));
      }
      return new Value.ListValue(items, l.mark());
    }
    if (v instanceof Value.MapValue m) {
      Map<String, Value> entries = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> entries.put(k, resolve(e, self, path + "." + k)));
      return new Value.MapValue(entries, m.mark());
    }
    if (!(v instanceof Value.Function f)) {
      return v;
    }
    if (++depth > MAX_DEPTH) {
      depth--;
      problems.error(f.mark(), path, "functions refer to each other in a loop (" + f.name()
          + " nested more than " + MAX_DEPTH + " deep)");
      return nullAt(f);
    }
    try {
      return call(f, self, path);
    } finally {
      depth--;
    }
  }

  private Value call(Value.Function f, NodeTemplate self, String path) {
    List<Value> args = new ArrayList<>();
    for (Value a : f.args()) {
      args.add(resolve(a, self, path));
    }
    switch (f.name()) {
      case "get_input" -> {
        return getInput(f, args, path);
      }
      case "get_property" -> {
        return getProperty(f, args, self, path);
      }
      case "concat" -> {
        StringBuilder sb = new StringBuilder();
        for (Value a : args) {
          if (Value.isDeferred(a)) {
            return new Value.Function(f.name(), args, f.mark());
          }
          if (!(a instanceof Value.Scalar s)) {
            problems.error(a.mark(), path, "concat takes strings, found " + Value.display(a));
            return nullAt(f);
          }
          sb.append(s.isNull() ? "" : s.text());
        }
        return Value.Scalar.string(sb.toString(), f.mark());
      }
      case "token" -> {
        if (args.size() != 3) {
          problems.error(f.mark(), path, "token takes [string, separators, index]");
          return nullAt(f);
        }
        if (Value.isDeferred(args.get(0))) {
          return new Value.Function(f.name(), args, f.mark());
        }
        String[] parts = Value.display(args.get(0)).split(
            "[" + java.util.regex.Pattern.quote(Value.display(args.get(1))) + "]");
        var index = ValueChecker.integer(Value.display(args.get(2)));
        if (index == null || index.signum() < 0 || index.intValue() >= parts.length) {
          problems.error(f.mark(), path, "token index " + Value.display(args.get(2))
              + " is out of range (" + parts.length + " tokens)");
          return nullAt(f);
        }
        return Value.Scalar.string(parts[index.intValue()], f.mark());
      }
      default -> {
        checkEntity(f, args, self, path);
        return new Value.Function(f.name(), args, f.mark());
      }
    }
  }

  private Value getInput(Value.Function f, List<Value> args, String path) {
    if (args.isEmpty() || !(args.get(0) instanceof Value.Scalar s) || s.isNull()) {
      problems.error(f.mark(), path, "get_input needs the name of an input");
      return nullAt(f);
    }
    if (!inputDefs.containsKey(s.text())) {
      problems.error(f.mark(), path, "get_input: '" + s.text() + "' is not a declared input"
          + Suggest.closest(s.text(), inputDefs.keySet())
          + (inputDefs.isEmpty() ? " (the template declares no inputs)"
              : " (declared: " + String.join(", ", inputDefs.keySet()) + ")"));
      return nullAt(f);
    }
    Value value = inputs.getOrDefault(s.text(), nullAt(f));
    return walk(value, args.subList(1, args.size()), f, path);
  }

  private Value getProperty(Value.Function f, List<Value> args, NodeTemplate self, String path) {
    NodeTemplate node = entity(f, args, self, path);
    if (node == null) {
      return args.size() > 0 && isKeyword(args.get(0)) ? new Value.Function(f.name(), args,
          f.mark()) : nullAt(f);
    }
    if (args.size() < 2) {
      problems.error(f.mark(), path, "get_property needs [node, property]");
      return nullAt(f);
    }
    String name = Value.display(args.get(1));
    TypeDefinition type = types.get(TypeKind.NODE, node.type());
    if (node.properties().containsKey(name) || type != null && type.properties().containsKey(name)) {
      return walk(property(node, name, type, path), args.subList(2, args.size()), f, path);
    }
    CapabilityAssignment cap = node.capabilities().get(name);
    if ((cap != null || type != null && type.capabilities().containsKey(name)) && args.size() > 2) {
      String prop = Value.display(args.get(2));
      Value v = cap == null ? null : cap.properties().get(prop);
      if (v == null && type != null && type.capabilities().containsKey(name)) {
        PropertyDef d = types.capabilityProperties(type.capabilities().get(name)).get(prop);
        v = d == null ? null : d.defaultValue();
      }
      return v == null ? nullAt(f) : walk(resolve(v, node, path), args.subList(3, args.size()),
          f, path);
    }
    for (RequirementAssignment r : node.requirements()) {
      if (r.name().equals(name) && nodes.containsKey(r.node()) && args.size() > 2) {
        List<Value> rest = new ArrayList<>();
        rest.add(Value.Scalar.string(r.node(), f.mark()));
        rest.addAll(args.subList(2, args.size()));
        return getProperty(f, rest, self, path);
      }
    }
    problems.error(f.mark(), path, "get_property: node '" + node.name() + "' has no property,"
        + " capability or requirement '" + name + "'");
    return nullAt(f);
  }

  private Value property(NodeTemplate node, String name, TypeDefinition type, String path) {
    Value raw = node.properties().get(name);
    if (raw == null && type != null && type.properties().containsKey(name)) {
      raw = type.properties().get(name).defaultValue();
    }
    return raw == null ? Value.Scalar.string("", node.mark()) : resolve(raw, node, path);
  }

  /** Index into lists and maps: {@code [node, prop, 0, target]}. */
  private Value walk(Value v, List<Value> rest, Value.Function f, String path) {
    for (Value key : rest) {
      if (v instanceof Value.Function || v instanceof Value.Generated) {
        return new Value.Function(f.name(), f.args(), f.mark());
      }
      String k = Value.display(key);
      if (v instanceof Value.ListValue l) {
        var i = ValueChecker.integer(k);
        if (i == null || i.signum() < 0 || i.intValue() >= l.items().size()) {
          problems.error(f.mark(), path, f.name() + ": index " + k + " is out of range (the list"
              + " has " + l.items().size() + " entries)");
          return nullAt(f);
        }
        v = l.items().get(i.intValue());
      } else if (v instanceof Value.MapValue m && m.entries().containsKey(k)) {
        v = m.entries().get(k);
      } else {
        problems.error(f.mark(), path, f.name() + ": cannot take '" + k + "' of "
            + Value.display(v));
        return nullAt(f);
      }
    }
    return v;
  }

  private static boolean isKeyword(Value v) {
    return v instanceof Value.Scalar s && KEYWORDS.contains(s.text());
  }

  /** The node a function's first argument names; null for SOURCE/TARGET or after an error. */
  private NodeTemplate entity(Value.Function f, List<Value> args, NodeTemplate self,
      String path) {
    if (args.isEmpty() || !(args.get(0) instanceof Value.Scalar s) || s.isNull()) {
      problems.error(f.mark(), path, f.name() + " needs a node name or SELF, SOURCE, TARGET, HOST"
          + " as its first argument");
      return null;
    }
    String name = s.text();
    switch (name) {
      case "SELF" -> {
        if (self == null) {
          problems.error(f.mark(), path, f.name() + ": SELF has no meaning here: name a node");
        }
        return self;
      }
      case "HOST" -> {
        if (self == null) {
          problems.error(f.mark(), path, f.name() + ": HOST has no meaning here: name a node");
          return null;
        }
        for (RequirementAssignment r : self.requirements()) {
          if (r.name().equals("host") && nodes.containsKey(r.node())) {
            return nodes.get(r.node());
          }
        }
        problems.error(f.mark(), path, f.name() + ": HOST, but node '" + self.name()
            + "' has no host requirement");
        return null;
      }
      case "SOURCE", "TARGET" -> {
        return null;
      }
      default -> {
        NodeTemplate n = nodes.get(name);
        if (n == null) {
          problems.error(f.mark(), path, f.name() + " names node '" + name
              + "', which is not in node_templates" + Suggest.closest(name, nodes.keySet()));
        }
        return n;
      }
    }
  }

  /** Deferred functions: check the node exists and, for attributes, that the name is known. */
  private void checkEntity(Value.Function f, List<Value> args, NodeTemplate self, String path) {
    if (f.name().equals("get_nodes_of_type")) {
      String t = args.isEmpty() ? null : Value.display(args.get(0));
      if (!types.has(TypeKind.NODE, t)) {
        problems.error(f.mark(), path, "get_nodes_of_type: unknown node type '" + t + "'");
      }
      return;
    }
    if (f.name().equals("join")) {
      return;
    }
    NodeTemplate node = entity(f, args, self, path);
    if (node == null || !f.name().equals("get_attribute")) {
      return;
    }
    if (args.size() < 2) {
      problems.error(f.mark(), path, "get_attribute needs [node, attribute]");
      return;
    }
    String name = Value.display(args.get(1));
    TypeDefinition type = types.get(TypeKind.NODE, node.type());
    if (type == null) {
      return; // the unknown type is reported on the node itself
    }
    boolean known = type.attributes().containsKey(name) || type.properties().containsKey(name)
        || type.capabilities().containsKey(name) || type.requirement(name) != null
        || node.attributes().containsKey(name);
    if (!known) {
      problems.strict(f.mark(), path, "get_attribute: node '" + node.name() + "' (type "
          + type.name() + ") has no attribute '" + name + "'"
          + Suggest.closest(name, type.attributes().keySet()));
    }
  }

  private static Value nullAt(Value v) {
    return new Value.Scalar("", YNode.Kind.NULL, v.mark());
  }
}
