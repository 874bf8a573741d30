package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.tosca.Problem;

/**
 * Seeded random mutations of real templates (drop, duplicate and retype keys; cut the text):
 * whatever comes in, the loader reports problems and never throws.
 */
class MutationTest {

  private static final long SEED = 20261123L;
  private static final int CASES = 1500;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path dir;

  @Test
  void loaderNeverThrowsOnMutatedTemplates() throws IOException {
    List<String> originals = originals();
    Random random = new Random(SEED);
    int invalid = 0;
    for (int i = 0; i < CASES; i++) {
      String source = originals.get(random.nextInt(originals.size()));
      String text;
      String what;
      if (random.nextInt(10) == 0) {
        int cut = random.nextInt(source.length() + 1);
        text = source.substring(0, cut);
        what = "cut at " + cut;
      } else {
        JsonNode tree = YAML.readTree(source);
        StringBuilder ops = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
          ops.append(mutate(tree, random)).append("; ");
        }
        text = YAML.writeValueAsString(tree);
        what = ops.toString();
      }
      Path file = dir.resolve("case" + i + ".yaml");
      Files.writeString(file, text);
      try {
        for (boolean lenient : new boolean[] {false, true}) {
          LoadResult r = new ToscaLoader(ImportCatalogue.defaults(), lenient).load(file,
              Map.of());
          for (Problem p : r.problems()) {
            assertNotNull(p.mark(), () -> "problem without position: " + p);
          }
          invalid += r.ok() ? 0 : 1;
        }
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " (seed " + SEED + ", " + what + ") threw " + e + "\n" + text, e);
      }
      Files.delete(file);
    }
    System.out.println("MutationTest: " + CASES + " cases, " + invalid
        + " loads reported errors, none threw");
  }

  private static List<String> originals() throws IOException {
    List<Path> files = new ArrayList<>();
    Path root = Path.of(System.getProperty("regatta.root", "..")).resolve("templates");
    Path corpus = Fixture.shared();
    for (Path d : corpus == null ? List.of(root) : List.of(root, corpus)) {
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          s.filter(p -> p.toString().matches(".*\\.ya?ml$"))
              .filter(p -> !p.getFileName().toString().equals("custom_types.yaml"))
              .forEach(files::add);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (Path p : files) {
      out.add(Files.readString(p));
    }
    if (out.isEmpty()) {
      out.add(Fixture.HEADER + "topology_template:\n  node_templates:\n    s:\n"
          + "      type: tosca.nodes.Compute\n");
    }
    return out;
  }

  private record Slot(JsonNode parent, String key, int index, JsonNode node) {}

  private static void slots(JsonNode parent, List<Slot> out) {
    if (parent instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        out.add(new Slot(o, e.getKey(), -1, e.getValue()));
        slots(e.getValue(), out);
      }
    } else if (parent instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Slot(a, null, i, a.get(i)));
        slots(a.get(i), out);
      }
    }
  }

  private static String mutate(JsonNode tree, Random random) {
    List<Slot> all = new ArrayList<>();
    slots(tree, all);
    if (all.isEmpty()) {
      return "nothing to mutate";
    }
    Slot s = all.get(random.nextInt(all.size()));
    switch (random.nextInt(3)) {
      case 0 -> {
        if (s.parent() instanceof ObjectNode o) {
          o.remove(s.key());
        } else {
          ((ArrayNode) s.parent()).remove(s.index());
        }
        return "drop " + where(s);
      }
      case 1 -> {
        Slot target = all.get(random.nextInt(all.size()));
        JsonNode copy = s.node().deepCopy();
        if (target.node() instanceof ObjectNode o) {
          o.set(s.key() != null ? s.key() : "dup" + random.nextInt(5), copy);
        } else if (target.node() instanceof ArrayNode a) {
          a.add(copy);
        } else {
          replace(s, copy);
        }
        return "duplicate " + where(s) + " into " + where(target);
      }
      default -> {
        JsonNode replacement = switch (random.nextInt(10)) {
          case 0 -> F.textNode("x");
          case 1 -> F.numberNode(7);
          case 2 -> F.numberNode(1.5);
          case 3 -> F.nullNode();
          case 4 -> F.booleanNode(true);
          case 5 -> F.arrayNode();
          case 6 -> F.objectNode();
          case 7 -> F.arrayNode().add(s.node().deepCopy());
          case 8 -> F.objectNode().set(List.of("get_input", "get_property", "get_attribute",
              "concat", "token").get(random.nextInt(5)), s.node().deepCopy());
          default -> F.objectNode().set("k", s.node().deepCopy());
        };
        replace(s, replacement);
        return "retype " + where(s) + " to " + replacement.getNodeType();
      }
    }
  }

  private static void replace(Slot s, JsonNode replacement) {
    if (s.parent() instanceof ObjectNode o) {
      o.set(s.key(), replacement);
    } else {
      ((ArrayNode) s.parent()).set(s.index(), replacement);
    }
  }

  private static String where(Slot s) {
    return s.key() != null ? s.key() : "[" + s.index() + "]";
  }
}
