package org.regatta.tosca.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.regatta.tosca.Problems;
import org.regatta.tosca.yaml.Mark;
import org.regatta.tosca.yaml.YNode;

/** Shape checks on the YAML tree: each returns null (and records an error) on a wrong shape. */
final class Shapes {

  final Problems problems;

  Shapes(Problems problems) {
    this.problems = problems;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  YNode.MapNode map(YNode n, String path, String what) {
    if (n instanceof YNode.MapNode m) {
      return m;
    }
    if (n instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    problems.error(mark(n), path, "expected " + what + " (a map), found " + YNode.describe(n));
    return null;
  }

  List<YNode> seq(YNode n, String path, String what) {
    if (n instanceof YNode.Seq s) {
      return s.items();
    }
    if (n instanceof YNode.Scalar s && s.isNull()) {
      return List.of();
    }
    problems.error(mark(n), path, "expected " + what + " (a list), found " + YNode.describe(n));
    return List.of();
  }

  String string(YNode n, String path, String what) {
    if (n instanceof YNode.Scalar s && !s.isNull()) {
      return s.text();
    }
    problems.error(mark(n), path, "expected " + what + " (a string), found " + YNode.describe(n));
    return null;
  }

  String optString(YNode.MapNode m, String key, String path) {
    YNode n = m.get(key);
    if (n == null || n instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    return string(n, join(path, key), key);
  }

  List<String> strings(YNode n, String path, String what) {
    List<String> out = new ArrayList<>();
    if (n instanceof YNode.Scalar s && !s.isNull()) {
      out.add(s.text());
      return out;
    }
    List<YNode> items = seq(n, path, what);
    for (int i = 0; i < items.size(); i++) {
      String s = string(items.get(i), path + "[" + i + "]", what);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  Boolean bool(YNode n, String path) {
    if (n instanceof YNode.Scalar s) {
      Boolean b = parseBool(s.text());
      if (b != null && s.kind() != YNode.Kind.NULL) {
        return b;
      }
    }
    problems.error(mark(n), path, "expected true or false, found " + YNode.describe(n));
    return null;
  }

  static Boolean parseBool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> Boolean.TRUE;
      case "false", "no", "off", "n" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Unknown keys are errors in strict mode and warnings in lenient mode. */
  void keys(YNode.MapNode m, String path, Collection<String> allowed, String what) {
    for (YNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.strict(e.keyMark(), join(path, e.key()),
            "unknown key '" + e.key() + "' in " + what + " (expected one of: "
                + String.join(", ", allowed) + ")");
      }
    }
  }

  /** A list of one-key maps ({@code - name: value}), as requirements and policies are written. */
  List<YNode.Entry> singleKeyList(YNode n, String path, String what) {
    List<YNode.Entry> out = new ArrayList<>();
    List<YNode> items = seq(n, path, "a list of " + what);
    for (int i = 0; i < items.size(); i++) {
      YNode item = items.get(i);
      if (item instanceof YNode.MapNode m && m.entries().size() == 1) {
        out.add(m.entries().values().iterator().next());
      } else {
        problems.error(mark(item), path + "[" + i + "]",
            "expected one " + what + " written as 'name: ...', found " + YNode.describe(item));
      }
    }
    return out;
  }

  static Mark mark(YNode n) {
    return n == null ? null : n.mark();
  }
}
