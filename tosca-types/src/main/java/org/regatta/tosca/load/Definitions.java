package org.regatta.tosca.load;

import static org.regatta.tosca.load.Shapes.join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.tosca.model.ArtifactDef;
import org.regatta.tosca.model.Constraint;
import org.regatta.tosca.model.InterfaceDef;
import org.regatta.tosca.model.Occurrences;
import org.regatta.tosca.model.Operation;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.Schema;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.YNode;

/** The grammar pieces shared by types and templates: values, definitions, interfaces. */
final class Definitions {

  private static final Set<String> PROPERTY_KEYS = Set.of("type", "description", "required",
      "default", "status", "constraints", "entry_schema", "key_schema", "metadata", "value");
  private static final Set<String> SCHEMA_KEYS =
      Set.of("type", "description", "constraints", "entry_schema", "key_schema");
  private static final Set<String> OPERATION_KEYS =
      Set.of("description", "implementation", "inputs", "outputs", "timeout");
  private static final Set<String> ARTIFACT_KEYS = Set.of("type", "file", "repository",
      "description", "deploy_path", "artifact_version", "checksum", "checksum_algorithm",
      "properties");

  final Shapes shapes;

  Definitions(Shapes shapes) {
    this.shapes = shapes;
  }

  /** A YAML node as a value; a one-key map naming a TOSCA function is a call. */
  Value value(YNode n) {
    if (n instanceof YNode.Scalar s) {
      return new Value.Scalar(s.text(), s.kind(), s.mark());
    }
    if (n instanceof YNode.Seq s) {
      return new Value.ListValue(s.items().stream().map(this::value).toList(), s.mark());
    }
    YNode.MapNode m = (YNode.MapNode) n;
    if (m.entries().size() == 1) {
      YNode.Entry e = m.entries().values().iterator().next();
      if (Value.FUNCTIONS.contains(e.key())) {
        List<Value> args = e.value() instanceof YNode.Seq s
            ? s.items().stream().map(this::value).toList()
            : List.of(value(e.value()));
        return new Value.Function(e.key(), args, e.keyMark());
      }
    }
    Map<String, Value> entries = new LinkedHashMap<>();
    m.entries().forEach((k, e) -> entries.put(k, value(e.value())));
    return new Value.MapValue(entries, m.mark());
  }

  Map<String, Value> values(YNode n, String path, String what) {
    Map<String, Value> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, path, what);
    if (m != null) {
      m.entries().forEach((k, e) -> out.put(k, value(e.value())));
    }
    return out;
  }

  Map<String, PropertyDef> propertyDefs(YNode n, String path) {
    Map<String, PropertyDef> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, path, "property definitions");
    if (m != null) {
      for (YNode.Entry e : m.entries().values()) {
        PropertyDef d = propertyDef(e, join(path, e.key()));
        if (d != null) {
          out.put(e.key(), d);
        }
      }
    }
    return out;
  }

  PropertyDef propertyDef(YNode.Entry e, String path) {
    YNode.MapNode m = shapes.map(e.value(), path, "a property definition");
    if (m == null) {
      if (e.value() instanceof YNode.Scalar s && s.isNull()) {
        shapes.problems.error(e.keyMark(), path, "property definition is empty: give it a type");
      }
      return null;
    }
    shapes.keys(m, path, PROPERTY_KEYS, "a property definition");
    Schema schema = schema(m, path);
    if (schema == null) {
      return null;
    }
    boolean required = true;
    if (m.has("required")) {
      Boolean b = shapes.bool(m.get("required"), join(path, "required"));
      required = b == null || b;
    }
    Value def = m.has("default") ? value(m.get("default")) : null;
    if (def == null && m.has("value")) {
      def = value(m.get("value"));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    if (m.has("metadata")) {
      YNode.MapNode md = shapes.map(m.get("metadata"), join(path, "metadata"), "metadata");
      if (md != null) {
        md.entries().forEach((k, v) -> {
          String s = shapes.string(v.value(), join(path, "metadata." + k), "a metadata value");
          if (s != null) {
            metadata.put(k, s);
          }
        });
      }
    }
    return new PropertyDef(e.key(), schema, required, def,
        shapes.optString(m, "description", path), shapes.optString(m, "status", path), metadata,
        e.keyMark());
  }

  /** {@code type}, {@code constraints} and {@code entry_schema} of a definition. */
  Schema schema(YNode.MapNode m, String path) {
    // a missing type is allowed here: a derived type may refine only a default or constraint;
    // the type registry and the validator report it where no parent gives one
    String type = m.has("type") ? shapes.string(m.get("type"), join(path, "type"), "a type name")
        : null;
    if (m.has("type") && type == null) {
      return null;
    }
    List<Constraint> constraints = m.has("constraints")
        ? constraints(m.get("constraints"), join(path, "constraints")) : List.of();
    Schema entry = m.has("entry_schema") ? entrySchema(m.get("entry_schema"),
        join(path, "entry_schema")) : null;
    return new Schema(type, constraints, entry);
  }

  Schema entrySchema(YNode n, String path) {
    if (n instanceof YNode.Scalar) {
      String t = shapes.string(n, path, "a type name");
      return t == null ? null : Schema.of(t);
    }
    YNode.MapNode m = shapes.map(n, path, "an entry schema");
    if (m == null) {
      return null;
    }
    shapes.keys(m, path, SCHEMA_KEYS, "an entry schema");
    return schema(m, path);
  }

  List<Constraint> constraints(YNode n, String path) {
    List<Constraint> out = new ArrayList<>();
    List<YNode.Entry> clauses = shapes.singleKeyList(n, path, "constraint");
    for (int i = 0; i < clauses.size(); i++) {
      YNode.Entry e = clauses.get(i);
      String p = path + "[" + i + "]";
      if (!Constraint.OPERATORS.contains(e.key())) {
        shapes.problems.error(e.keyMark(), p, "unknown constraint '" + e.key()
            + "' (expected one of: " + String.join(", ", Constraint.OPERATORS) + ")");
        continue;
      }
      boolean listArg = e.key().equals("in_range") || e.key().equals("valid_values");
      List<Value> args;
      if (listArg) {
        args = shapes.seq(e.value(), join(p, e.key()), "the constraint's values").stream()
            .map(this::value).toList();
        if (e.key().equals("in_range") && args.size() != 2) {
          shapes.problems.error(e.keyMark(), p, "in_range needs [min, max]");
          continue;
        }
      } else if (e.value() instanceof YNode.Scalar s && !s.isNull()) {
        args = List.of(value(e.value()));
      } else {
        shapes.problems.error(e.keyMark(), p, e.key() + " needs one value, found "
            + YNode.describe(e.value()));
        continue;
      }
      out.add(new Constraint(e.key(), args, e.keyMark()));
    }
    return out;
  }

  Occurrences occurrences(YNode n, String path) {
    List<YNode> items = shapes.seq(n, path, "occurrences [min, max]");
    if (items.size() != 2) {
      shapes.problems.error(Shapes.mark(n), path, "occurrences must be [min, max]");
      return Occurrences.ANY;
    }
    Integer lo = bound(items.get(0), path);
    Integer hi = bound(items.get(1), path);
    if (lo == null || hi == null) {
      return Occurrences.ANY;
    }
    if (lo > hi) {
      shapes.problems.error(Shapes.mark(n), path, "occurrences minimum " + lo
          + " is above maximum " + hi);
    }
    return new Occurrences(lo, hi);
  }

  private Integer bound(YNode n, String path) {
    String s = shapes.string(n, path, "an occurrence bound");
    if (s == null) {
      return null;
    }
    if (s.equals("UNBOUNDED")) {
      return Integer.MAX_VALUE;
    }
    try {
      int v = Integer.parseInt(s);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    shapes.problems.error(Shapes.mark(n), path, "expected a number >= 0 or UNBOUNDED, found '"
        + s + "'");
    return null;
  }

  Map<String, InterfaceDef> interfaces(YNode n, String path) {
    Map<String, InterfaceDef> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, path, "interfaces");
    if (m == null) {
      return out;
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = join(path, e.key());
      YNode.MapNode im = shapes.map(e.value(), p, "an interface");
      String type = null;
      Map<String, Value> inputs = Map.of();
      Map<String, Operation> ops = new LinkedHashMap<>();
      if (im != null) {
        for (YNode.Entry op : im.entries().values()) {
          switch (op.key()) {
            case "type" -> type = shapes.string(op.value(), join(p, "type"), "an interface type");
            case "inputs" -> inputs = values(op.value(), join(p, "inputs"), "inputs");
            case "description" -> { }
            case "operations" -> {
              YNode.MapNode om = shapes.map(op.value(), join(p, "operations"), "operations");
              if (om != null) {
                om.entries().values().forEach(o -> ops.put(o.key(),
                    operation(o, join(p, "operations." + o.key()))));
              }
            }
            default -> ops.put(op.key(), operation(op, join(p, op.key())));
          }
        }
      }
      out.put(e.key(), new InterfaceDef(e.key(), type, ops, inputs, e.keyMark()));
    }
    return out;
  }

  Operation operation(YNode.Entry e, String path) {
    YNode n = e.value();
    if (n instanceof YNode.Scalar s) {
      return new Operation(e.key(), s.isNull() ? null : s.text(), Map.of(), e.keyMark());
    }
    YNode.MapNode m = shapes.map(n, path, "an operation");
    if (m == null) {
      return new Operation(e.key(), null, Map.of(), e.keyMark());
    }
    shapes.keys(m, path, OPERATION_KEYS, "an operation");
    String impl = null;
    YNode in = m.get("implementation");
    if (in instanceof YNode.MapNode im) {
      YNode primary = im.get("primary");
      impl = primary instanceof YNode.MapNode pm ? shapes.optString(pm, "file", path)
          : primary == null ? null : shapes.string(primary, join(path, "implementation.primary"),
              "an artifact name");
    } else if (in != null) {
      impl = shapes.string(in, join(path, "implementation"), "an artifact name");
    }
    Map<String, Value> inputs = m.has("inputs")
        ? values(m.get("inputs"), join(path, "inputs"), "operation inputs") : Map.of();
    return new Operation(e.key(), impl, inputs, e.keyMark());
  }

  Map<String, ArtifactDef> artifacts(YNode n, String path) {
    Map<String, ArtifactDef> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, path, "artifacts");
    if (m == null) {
      return out;
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = join(path, e.key());
      if (e.value() instanceof YNode.Scalar s && !s.isNull()) {
        out.put(e.key(), new ArtifactDef(e.key(), null, value(s), null, null, e.keyMark()));
        continue;
      }
      YNode.MapNode am = shapes.map(e.value(), p, "an artifact");
      if (am == null) {
        continue;
      }
      shapes.keys(am, p, ARTIFACT_KEYS, "an artifact");
      if (!am.has("file")) {
        shapes.problems.error(am.mark(), p, "artifact needs a 'file'");
        continue;
      }
      out.put(e.key(), new ArtifactDef(e.key(), shapes.optString(am, "type", p),
          value(am.get("file")), shapes.optString(am, "repository", p),
          shapes.optString(am, "deploy_path", p), e.keyMark()));
    }
    return out;
  }
}
