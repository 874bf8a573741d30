package org.regatta.tosca.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.Constraint;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.Schema;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.Mark;
import org.regatta.tosca.yaml.YNode;

/**
 * Checks a value against a type and its constraints and returns it in canonical form (integers
 * as integers, versions and sizes as the text written). Function calls pass through unchecked:
 * they are checked once resolved.
 */
final class ValueChecker {

  private static final Pattern VERSION =
      Pattern.compile("\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_]+(-\\d+)?)?)?)?");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ]\\d{1,2}:\\d{2}:\\d{2}(\\.\\d+)?\\s*(Z|[+-]\\d{1,2}(:\\d{2})?)?)?");

  private final TypeRegistry types;
  private final Problems problems;

  ValueChecker(TypeRegistry types, Problems problems) {
    this.types = types;
    this.problems = problems;
  }

  /** The canonical value, or null after recording why it does not fit. */
  Value check(Value v, Schema schema, String path) {
    if (v instanceof Value.Function || v instanceof Value.Generated || schema.type() == null) {
      return v;
    }
    String type = schema.type();
    String prim = types.primitiveBase(type);
    Value out;
    if (prim == null) {
      TypeDefinition dt = types.get(TypeKind.DATA, type);
      if (dt == null) {
        problems.error(v.mark(), path, "unknown data type '" + type + "'"
            + Suggest.closest(type, types.names(TypeKind.DATA)));
        return null;
      }
      out = complex(v, dt, path);
    } else {
      Schema entry = schema.entrySchema();
      List<Constraint> inherited = List.of();
      if (!prim.equals(type)) {
        TypeDefinition dt = types.get(TypeKind.DATA, type);
        inherited = dt.constraints();
        entry = entry != null ? entry : dt.entrySchema();
      }
      out = primitive(v, prim, type, entry, path);
      if (out != null && !constraints(out, prim, inherited, path)) {
        return null;
      }
    }
    if (out != null && !constraints(out, prim, schema.constraints(), path)) {
      return null;
    }
    return out;
  }

  private Value primitive(Value v, String prim, String type, Schema entry, String path) {
    switch (prim) {
      case "list" -> {
        if (!(v instanceof Value.ListValue l)) {
          return wrong(v, path, "a list");
        }
        List<Value> items = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < l.items().size(); i++) {
          Value item = entry == null || isNull(l.items().get(i)) ? l.items().get(i)
              : check(l.items().get(i), entry, path + "[" + i + "]");
          ok &= item != null;
          items.add(item);
        }
        return ok ? new Value.ListValue(items, l.mark()) : null;
      }
      case "map" -> {
        if (!(v instanceof Value.MapValue m)) {
          return wrong(v, path, "a map");
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Value> e : m.entries().entrySet()) {
          // an empty entry ("KEY:") stays empty, as INDIGO templates expect
          Value item = entry == null || isNull(e.getValue()) ? e.getValue()
              : check(e.getValue(), entry, path + "." + e.getKey());
          ok &= item != null;
          entries.put(e.getKey(), item);
        }
        return ok ? new Value.MapValue(entries, m.mark()) : null;
      }
      case "range" -> {
        return range(v, path);
      }
      default -> { }
    }
    if (!(v instanceof Value.Scalar s) || s.isNull()) {
      return wrong(v, path, article(type));
    }
    String text = s.text().strip();
    switch (prim) {
      case "string" -> {
        return new Value.Scalar(s.text(), YNode.Kind.STRING, s.mark());
      }
      case "integer" -> {
        BigInteger i = integer(text);
        return i == null || s.kind() == YNode.Kind.BOOL ? wrong(v, path, "an integer")
            : new Value.Scalar(i.toString(), YNode.Kind.INT, s.mark());
      }
      case "float" -> {
        BigDecimal d = decimal(text);
        return d == null || s.kind() == YNode.Kind.BOOL ? wrong(v, path, "a number")
            : new Value.Scalar(text, YNode.Kind.FLOAT, s.mark());
      }
      case "boolean" -> {
        Boolean b = Shapes.parseBool(text);
        return b == null ? wrong(v, path, "true or false")
            : new Value.Scalar(b.toString(), YNode.Kind.BOOL, s.mark());
      }
      case "version" -> {
        return VERSION.matcher(text).matches() ? Value.Scalar.string(text, s.mark())
            : wrong(v, path, "a version such as 18.04 or 1.2.3");
      }
      case "timestamp" -> {
        return TIMESTAMP.matcher(text).matches() ? Value.Scalar.string(text, s.mark())
            : wrong(v, path, "a timestamp such as 2026-01-31T12:00:00Z");
      }
      case "null" -> {
        return v;
      }
      default -> {
        if (ScalarUnit.isScalarUnit(prim) && ScalarUnit.parse(prim, text) != null) {
          return Value.Scalar.string(text, s.mark());
        }
        return wrong(v, path, "a " + prim + " such as " + ScalarUnit.example(prim));
      }
    }
  }

  private Value complex(Value v, TypeDefinition dt, String path) {
    if (!(v instanceof Value.MapValue m)) {
      return wrong(v, path, "a map of the properties of " + dt.name());
    }
    Map<String, Value> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Value> e : m.entries().entrySet()) {
      PropertyDef def = dt.properties().get(e.getKey());
      String p = path + "." + e.getKey();
      if (def == null) {
        problems.strict(e.getValue().mark(), p, "data type " + dt.name() + " has no property '"
            + e.getKey() + "'" + Suggest.closest(e.getKey(), dt.properties().keySet())
            + " (it has: " + String.join(", ", dt.properties().keySet()) + ")");
        out.put(e.getKey(), e.getValue());
        continue;
      }
      if (e.getValue() instanceof Value.Scalar s && s.isNull()) {
        continue;
      }
      Value c = check(e.getValue(), def.schema(), p);
      ok &= c != null;
      out.put(e.getKey(), c);
    }
    for (PropertyDef def : dt.properties().values()) {
      if (!out.containsKey(def.name())) {
        if (def.defaultValue() != null) {
          out.put(def.name(), def.defaultValue());
        } else if (def.required()) {
          problems.error(v.mark(), path, "missing required property '" + def.name()
              + "' of data type " + dt.name());
          ok = false;
        }
      }
    }
    if (ok && !constraints(v, null, dt.constraints(), path)) {
      return null;
    }
    return ok ? new Value.MapValue(out, m.mark()) : null;
  }

  private Value range(Value v, String path) {
    if (v instanceof Value.ListValue l && l.items().size() == 2) {
      BigInteger lo = bound(l.items().get(0));
      BigInteger hi = bound(l.items().get(1));
      if (lo != null && hi != null && lo.compareTo(hi) <= 0) {
        return v;
      }
    }
    return wrong(v, path, "a range [min, max] of integers (max may be UNBOUNDED)");
  }

  private static boolean isNull(Value v) {
    return v instanceof Value.Scalar s && s.isNull();
  }

  private static BigInteger bound(Value v) {
    if (v instanceof Value.Scalar s) {
      return s.text().equals("UNBOUNDED") ? BigInteger.valueOf(Long.MAX_VALUE) : integer(s.text());
    }
    return null;
  }

  /** Applies constraint clauses; false after recording the first violation. */
  private boolean constraints(Value v, String prim, List<Constraint> cs, String path) {
    for (Constraint c : cs) {
      String problem = violation(v, prim, c);
      if (problem != null) {
        problems.error(v.mark(), path, problem);
        return false;
      }
    }
    return true;
  }

  private String violation(Value v, String prim, Constraint c) {
    if (Value.isDeferred(v)) {
      return null;
    }
    String found = "found " + Value.display(v);
    switch (c.operator()) {
      case "length", "min_length", "max_length" -> {
        int len = v instanceof Value.ListValue l ? l.items().size()
            : v instanceof Value.MapValue m ? m.entries().size()
            : v instanceof Value.Scalar s ? s.text().length() : 0;
        Integer n = arg(c, 0) instanceof Value.Scalar s ? intOrNull(s.text()) : null;
        if (n == null) {
          return badArgument(c);
        }
        boolean ok = c.operator().equals("length") ? len == n
            : c.operator().equals("min_length") ? len >= n : len <= n;
        return ok ? null : "length must be " + phrase(c.operator()) + " " + n + ", "
            + found + " (length " + len + ")";
      }
      case "pattern" -> {
        if (!(v instanceof Value.Scalar s) || !(arg(c, 0) instanceof Value.Scalar p)) {
          return badArgument(c);
        }
        try {
          return Pattern.compile(p.text()).matcher(s.text()).matches() ? null
              : "must match the pattern " + p.text() + ", " + found;
        } catch (PatternSyntaxException e) {
          return "the pattern constraint '" + p.text() + "' is not a valid regular expression";
        }
      }
      default -> { }
    }
    if ("range".equals(prim) && v instanceof Value.ListValue l && l.items().size() == 2) {
      // a range fits in_range (or a bound) when both its ends do
      for (Value end : l.items()) {
        if (!(end instanceof Value.Scalar s && s.text().equals("UNBOUNDED"))) {
          String bad = violation(end, "integer", c);
          if (bad != null) {
            return bad + " (in range " + Value.display(v) + ")";
          }
        }
      }
      return null;
    }
    Comparable<?> mine = comparable(v, prim);
    if (c.operator().equals("valid_values")) {
      for (Value a : c.args()) {
        if (Objects.equals(comparable(a, prim), mine)) {
          return null;
        }
      }
      return "must be one of " + c.args().stream().map(Value::display).toList() + ", " + found;
    }
    if (mine == null) {
      return c.operator().equals("equal") && !Value.display(v).equals(Value.display(arg(c, 0)))
          ? "must equal " + Value.display(arg(c, 0)) + ", " + found : null;
    }
    List<Comparable<?>> bounds = new ArrayList<>();
    for (Value a : c.args()) {
      Comparable<?> b = a instanceof Value.Scalar s && s.text().equals("UNBOUNDED")
          ? null : comparable(a, prim);
      if (b == null && !(a instanceof Value.Scalar s && s.text().equals("UNBOUNDED"))) {
        return badArgument(c);
      }
      bounds.add(b);
    }
    boolean ok = switch (c.operator()) {
      case "equal" -> compare(mine, bounds.get(0)) == 0;
      case "greater_than" -> compare(mine, bounds.get(0)) > 0;
      case "greater_or_equal" -> compare(mine, bounds.get(0)) >= 0;
      case "less_than" -> compare(mine, bounds.get(0)) < 0;
      case "less_or_equal" -> compare(mine, bounds.get(0)) <= 0;
      case "in_range" -> (bounds.get(0) == null || compare(mine, bounds.get(0)) >= 0)
          && (bounds.get(1) == null || compare(mine, bounds.get(1)) <= 0);
      default -> true;
    };
    return ok ? null : "must be " + phrase(c.operator()) + " "
        + (c.operator().equals("in_range") ? Value.display(c.args().get(0)) + " and "
            + Value.display(c.args().get(1)) : Value.display(c.args().get(0))) + ", " + found;
  }

  private static Value arg(Constraint c, int i) {
    return c.args().size() > i ? c.args().get(i) : null;
  }

  private static String badArgument(Constraint c) {
    return "the constraint '" + c + "' at " + c.mark() + " does not fit this value's type";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    if (b == null) {
      return 0;
    }
    if (a.getClass() != b.getClass()) {
      return a.toString().compareTo(b.toString());
    }
    return a.compareTo(b);
  }

  private static String phrase(String op) {
    return switch (op) {
      case "greater_than" -> "greater than";
      case "greater_or_equal" -> "greater than or equal to";
      case "less_than" -> "less than";
      case "less_or_equal" -> "less than or equal to";
      case "in_range" -> "between";
      case "min_length" -> "at least";
      case "max_length" -> "at most";
      default -> "equal to";
    };
  }

  /** A value in comparable form for its primitive type, or null when not comparable. */
  private static Comparable<?> comparable(Value v, String prim) {
    if (!(v instanceof Value.Scalar s) || s.isNull() || prim == null) {
      return null;
    }
    String t = s.text().strip();
    return switch (prim) {
      case "integer", "float" -> decimal(t);
      case "boolean" -> Shapes.parseBool(t);
      case "version" -> VERSION.matcher(t).matches() ? versionKey(t) : null;
      case "string", "timestamp" -> t;
      default -> ScalarUnit.isScalarUnit(prim) ? ScalarUnit.parse(prim, t) : null;
    };
  }

  private static String versionKey(String v) {
    StringBuilder key = new StringBuilder();
    for (String part : v.split("[.-]")) {
      key.append(part.matches("\\d+") ? String.format("%012d", Long.parseLong(
          part.length() > 12 ? part.substring(0, 12) : part)) : part).append('.');
    }
    return key.toString();
  }

  static BigInteger integer(String text) {
    try {
      return new BigInteger(text.strip().replace("_", "").replaceFirst("^\\+", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer intOrNull(String text) {
    BigInteger i = integer(text);
    return i == null || i.bitLength() > 31 ? null : i.intValue();
  }

  static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      default -> "a " + type;
    };
  }

  private Value wrong(Value v, String path, String expected) {
    Mark mark = v == null ? null : v.mark();
    problems.error(mark, path, "expected " + expected + ", found " + describe(v));
    return null;
  }

  private static String describe(Value v) {
    if (v instanceof Value.Scalar s) {
      return s.isNull() ? "nothing (null)" : "'" + s.text() + "'";
    }
    return v instanceof Value.ListValue ? "a list" : v instanceof Value.MapValue ? "a map"
        : Value.display(v);
  }
}
