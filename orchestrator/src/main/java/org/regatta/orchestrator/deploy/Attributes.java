package org.regatta.orchestrator.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.state.Resource;
import org.regatta.tosca.model.RequirementAssignment;
import org.regatta.tosca.model.Value;

/**
 * Fills in what a template could only name at load time: {@code get_attribute} of compute
 * addresses (lists, as INDIGO's Compute has them, indexable), generated secrets, and the
 * {@code concat}s around them.
 */
public final class Attributes {

  private final Plan plan;
  private final Map<String, List<Resource>> byNode;
  private final Map<String, String> secrets;

  public Attributes(Plan plan, List<Resource> resources, Map<String, String> secrets) {
    this.plan = plan;
    this.byNode = resources.stream().collect(Collectors.groupingBy(Resource::node));
    this.secrets = secrets;
  }

  /** The value with everything known now resolved; {@code self} names the node it is on. */
  public Value resolve(Value v, String self) {
    if (v instanceof Value.Generated g) {
      return Value.Scalar.string(secrets.getOrDefault(g.input(), ""), g.mark());
    }
    if (v instanceof Value.ListValue l) {
      return new Value.ListValue(l.items().stream().map(i -> resolve(i, self)).toList(),
          l.mark());
    }
    if (v instanceof Value.MapValue m) {
      Map<String, Value> out = new java.util.LinkedHashMap<>();
      m.entries().forEach((k, e) -> out.put(k, resolve(e, self)));
      return new Value.MapValue(out, m.mark());
    }
    if (!(v instanceof Value.Function f)) {
      return v;
    }
    List<Value> args = f.args().stream().map(a -> resolve(a, self)).toList();
    return switch (f.name()) {
      case "concat" -> args.stream().allMatch(a -> a instanceof Value.Scalar)
          ? Value.Scalar.string(args.stream().map(Attributes::text).collect(
              Collectors.joining()), f.mark())
          : new Value.Function(f.name(), args, f.mark());
      case "get_attribute" -> attribute(f, args, self);
      default -> new Value.Function(f.name(), args, f.mark());
    };
  }

  private Value attribute(Value.Function f, List<Value> args, String self) {
    if (args.size() < 2) {
      return f;
    }
    String node = text(args.get(0));
    if (node.equals("SELF")) {
      node = self;
    } else if (node.equals("HOST")) {
      node = host(self);
    }
    String name = text(args.get(1));
    Value v = compute(node, name, f);
    if (v == null) {
      return new Value.Function(f.name(), args, f.mark());
    }
    for (Value key : args.subList(2, args.size())) {
      if (v instanceof Value.ListValue l) {
        int i = Integer.parseInt(text(key));
        if (i < 0 || i >= l.items().size()) {
          return Value.Scalar.string("", f.mark());
        }
        v = l.items().get(i);
      } else {
        return new Value.Function(f.name(), args, f.mark());
      }
    }
    return v;
  }

  /** Address attributes of a compute node (or of the compute node hosting a software node). */
  private Value compute(String node, String name, Value.Function f) {
    PlannedNode p = plan.nodes().stream().filter(n -> n.name().equals(node)).findFirst()
        .orElse(null);
    if (p == null) {
      return null;
    }
    String machine = p.compute() ? node : p.hostNode();
    if (machine == null || !byNode.containsKey(machine)) {
      return null;
    }
    List<Value> values = new ArrayList<>();
    for (Resource r : byNode.get(machine)) {
      String a = switch (name) {
        case "private_address", "ip_address" -> r.privateAddress();
        case "public_address" -> r.publicAddress() != null ? r.publicAddress()
            : r.privateAddress();
        case "tosca_id" -> r.cloudId();
        case "tosca_name" -> r.name();
        case "state" -> r.state().name();
        default -> null;
      };
      if (a == null) {
        return null;
      }
      values.add(Value.Scalar.string(a, f.mark()));
    }
    return new Value.ListValue(values, f.mark());
  }

  private String host(String node) {
    PlannedNode p = plan.nodes().stream().filter(n -> n.name().equals(node)).findFirst()
        .orElse(null);
    if (p == null) {
      return node;
    }
    for (RequirementAssignment r : p.template().requirements()) {
      if (r.name().equals("host")) {
        return r.node();
      }
    }
    return p.hostNode() != null ? p.hostNode() : node;
  }

  /** Text of a resolved value; lists and maps as JSON-like text. */
  public static String text(Value v) {
    if (v instanceof Value.Scalar s) {
      return s.isNull() ? "" : s.text();
    }
    if (v instanceof Value.ListValue l) {
      return l.items().stream().map(i -> "\"" + text(i) + "\"")
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return Value.display(v);
  }
}
