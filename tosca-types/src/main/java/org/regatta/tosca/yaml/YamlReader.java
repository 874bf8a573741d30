package org.regatta.tosca.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.Problems;

/**
 * Reads YAML text into a {@link YNode} tree that keeps every node's position and every scalar's
 * text as written (so {@code 18.10} stays {@code 18.10}). Syntax errors and duplicate keys become
 * problems; a file that cannot be parsed at all yields {@code null}.
 */
public final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  public static YNode read(String file, String text, Problems problems) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      return node(p, file, problems);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Mark mark = loc == null ? Mark.of(file) : new Mark(file, loc.getLineNr(), loc.getColumnNr());
      problems.error(mark, "", "YAML syntax error: " + firstLine(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.error(Mark.of(file), "", "cannot read: " + e.getMessage());
      return null;
    }
  }

  private static YNode node(JsonParser p, String file, Problems problems) throws IOException {
    JsonToken t = p.currentToken();
    Mark mark = mark(p, file);
    switch (t) {
      case START_OBJECT -> {
        Map<String, YNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Mark keyMark = mark(p, file);
          p.nextToken();
          YNode value = node(p, file, problems);
          YNode.Entry first = entries.remove(key);
          if (first != null) {
            // YAML forbids it, yet common parsers keep the last one and INDIGO's catalogue has one
            problems.warning(keyMark, "", "duplicate key '" + key + "' replaces the one at line "
                + first.keyMark().line());
          }
          entries.put(key, new YNode.Entry(key, keyMark, value));
        }
        return new YNode.MapNode(entries, mark);
      }
      case START_ARRAY -> {
        List<YNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p, file, problems));
        }
        return new YNode.Seq(items, mark);
      }
      case VALUE_STRING -> {
        return new YNode.Scalar(p.getText(), YNode.Kind.STRING, mark);
      }
      case VALUE_NUMBER_INT -> {
        return new YNode.Scalar(p.getText(), YNode.Kind.INT, mark);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YNode.Scalar(p.getText(), YNode.Kind.FLOAT, mark);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YNode.Scalar(p.getText(), YNode.Kind.BOOL, mark);
      }
      case VALUE_NULL -> {
        return new YNode.Scalar(p.getText() == null ? "" : p.getText(), YNode.Kind.NULL, mark);
      }
      default -> {
        // embedded objects (binary) and anything else Jackson may report: keep as text
        return new YNode.Scalar(String.valueOf(p.getText()), YNode.Kind.STRING, mark);
      }
    }
  }

  private static Mark mark(JsonParser p, String file) {
    JsonLocation loc = p.currentTokenLocation();
    return new Mark(file, loc.getLineNr(), loc.getColumnNr());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable YAML";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
