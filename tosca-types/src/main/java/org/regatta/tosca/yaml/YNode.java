package org.regatta.tosca.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node with the position it came from: the tree the TOSCA parser reads. */
public sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.MapNode {

  Mark mark();

  /** What the YAML resolver made of a scalar; the text is always kept as written. */
  enum Kind { STRING, INT, FLOAT, BOOL, NULL }

  record Scalar(String text, Kind kind, Mark mark) implements YNode {
    public boolean isNull() {
      return kind == Kind.NULL;
    }
  }

  record Seq(List<YNode> items, Mark mark) implements YNode {
    public Seq {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }

  record Entry(String key, Mark keyMark, YNode value) {}

  record MapNode(Map<String, Entry> entries, Mark mark) implements YNode {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }
  }

  static String describe(YNode node) {
    if (node == null) {
      return "nothing";
    }
    if (node instanceof Scalar s) {
      return s.isNull() ? "null" : "'" + s.text() + "'";
    }
    return node instanceof Seq ? "a list" : "a map";
  }
}
