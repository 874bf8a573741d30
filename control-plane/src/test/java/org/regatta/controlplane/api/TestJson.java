package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test helpers: fixtures, the INDIGO corpus, and JSON trees compared with 1 == 1.0. */
final class TestJson {

  /** Numbers equal by value (Marathon writes 1.0 where a client sent 1); the rest exactly. */
  static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private TestJson() {}

  static String resource(String name) {
    try (InputStream in = TestJson.class.getResourceAsStream("/api/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource api/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The INDIGO corpus folder (../shared/corpus/indigo), or null when this checkout has none. */
  static Path corpus() {
    String p = System.getProperty("regatta.shared");
    Path dir = p == null ? Path.of("..", "..", "shared") : Path.of(p);
    Path indigo = dir.resolve("corpus/indigo");
    return Files.isDirectory(indigo) ? indigo : null;
  }

  static String corpusFile(String relative) {
    try {
      return Files.readString(corpus().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON written with ' for " (test bodies stay short and readable). */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static JsonNode tree(String json) {
    return MarathonJson.tree(json);
  }

  static void assertSameTree(JsonNode expected, JsonNode actual) {
    if (!expected.equals(NUMERIC, actual)) {
      fail("JSON differs at " + firstDifference(expected, actual, "") + "\nexpected: " + expected
          + "\nactual:   " + actual);
    }
  }

  /** A copy without the fields whose value is JSON null (Marathon null == absent here). */
  static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          strip(e.getValue());
        }
      }
      obj.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(TestJson::strip);
    }
  }

  private static String firstDifference(JsonNode a, JsonNode b, String at) {
    if (a.isObject() && b.isObject()) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!b.has(f)) {
          return at + "/" + f + " (missing)";
        }
        if (!a.get(f).equals(NUMERIC, b.get(f))) {
          return firstDifference(a.get(f), b.get(f), at + "/" + f);
        }
      }
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!a.has(f)) {
          return at + "/" + f + " (unexpected)";
        }
      }
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(NUMERIC, b.get(i))) {
          return firstDifference(a.get(i), b.get(i), at + "(" + i + ")");
        }
      }
    }
    return at.isEmpty() ? "/" : at;
  }

  static App app(String json) {
    Parsed<App> parsed = MarathonJson.readApp(json);
    assertTrue(parsed.isValid(), () -> "not readable: " + MarathonJson.write(parsed.errors()));
    return parsed.value();
  }

  /** {@code json} read and put in stored form, as POST /v2/apps does. */
  static App created(String json) {
    return AppDefaults.forCreate(app(json));
  }
}
