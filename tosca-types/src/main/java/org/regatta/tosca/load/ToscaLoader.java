package org.regatta.tosca.load;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.ImportDef;
import org.regatta.tosca.model.ServiceTemplate;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.Mark;
import org.regatta.tosca.yaml.YNode;
import org.regatta.tosca.yaml.YamlReader;

/**
 * Loads a TOSCA service template: parses it and its imports (offline, through the import
 * catalogue), makes the normative types and imported types visible, checks the topology against
 * them and the given inputs, and resolves what can be known before deployment.
 *
 * <pre>
 *   file ─► YamlReader ─► TemplateParser ─► imports (ImportCatalogue) ─► TypeRegistry
 *        ─► TopologyValidator (inputs, nodes, requirements, cycles, outputs) ─► LoadResult
 * </pre>
 */
public final class ToscaLoader {

  /** Visible to every template without an import, in this order. */
  public static final List<String> IMPLICIT = List.of("org/regatta/tosca/normative-types.yaml",
      "org/regatta/tosca/non-normative-types.yaml");

  static final String COMMAND_LINE = "command line";

  /** Bundled files parse the same every time: keep them (records are immutable). */
  private static final Map<String, ServiceTemplate> BUNDLED = new ConcurrentHashMap<>();

  private final ImportCatalogue catalogue;
  private final boolean lenient;

  public ToscaLoader(ImportCatalogue catalogue, boolean lenient) {
    this.catalogue = catalogue;
    this.lenient = lenient;
  }

  public static ToscaLoader defaults() {
    return new ToscaLoader(ImportCatalogue.defaults(), false);
  }

  /** An input value as typed on the command line: text, typed later by the input's type. */
  public static Value commandLineInput(String text) {
    return Value.Scalar.string(text, new Mark(COMMAND_LINE, 0, 0));
  }

  /** Reads an inputs file (a YAML map of name: value); problems go into the result's list. */
  public static Map<String, Value> inputsFile(Path file, Problems problems) {
    Map<String, Value> out = new LinkedHashMap<>();
    String text;
    try {
      text = java.nio.file.Files.readString(file);
    } catch (IOException e) {
      problems.error(Mark.of(file.toString()), "", "cannot read inputs file: " + reason(e));
      return out;
    }
    YNode root = YamlReader.read(file.toString(), text, problems);
    if (root == null) {
      return out;
    }
    Shapes shapes = new Shapes(problems);
    YNode.MapNode m = shapes.map(root, "", "inputs (name: value)");
    if (m != null) {
      Definitions defs = new Definitions(shapes);
      m.entries().forEach((k, e) -> out.put(k, defs.value(e.value())));
    }
    return out;
  }

  public LoadResult load(Path file, Map<String, Value> inputs) {
    Problems problems = new Problems(lenient);
    TypeRegistry types = new TypeRegistry();
    IMPLICIT.forEach(resource -> types.declare(bundled(resource)));
    Map<String, ServiceTemplate> loaded = new LinkedHashMap<>();
    int[] unresolved = {0};
    ServiceTemplate main = load(Source.file(file), new ArrayDeque<>(), loaded, problems, null,
        unresolved);
    for (ServiceTemplate st : loaded.values()) {
      types.declare(st);
    }
    types.check(problems);
    TopologyTemplate topology = null;
    Map<String, Value> values = Map.of();
    if (unresolved[0] > 0) {
      // without all its types the topology would only repeat the import error as unknown types
      return new LoadResult(main, types, values, null, problems.all());
    }
    if (main != null && main.topology() != null) {
      TopologyValidator validator = new TopologyValidator(types, problems);
      values = validator.inputs(main.topology(), inputs, file.toString());
      topology = validator.topology(main.topology(), values);
    } else if (main != null && !inputs.isEmpty()) {
      problems.error(Mark.of(file.toString()), "inputs", "inputs were given, but the file has no"
          + " topology_template");
    }
    return new LoadResult(main, types, values, topology, problems.all());
  }

  private ServiceTemplate load(Source src, Deque<String> stack,
      Map<String, ServiceTemplate> loaded, Problems problems, ImportDef importedBy,
      int[] unresolved) {
    if (stack.contains(src.id())) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (var it = stack.descendingIterator(); it.hasNext(); ) {
        String id = it.next();
        in |= id.equals(src.id());
        if (in) {
          cycle.add(display(id));
        }
      }
      cycle.add(display(src.id()));
      problems.error(importedBy.mark(), "imports", "import cycle: " + String.join(" → ", cycle));
      return null;
    }
    if (loaded.containsKey(src.id())) {
      return loaded.get(src.id());
    }
    ServiceTemplate st = src.resource() != null ? bundled(src.resource()) : null;
    if (st == null) {
      String text;
      try {
        text = src.read();
      } catch (IOException e) {
        Mark at = importedBy == null ? Mark.of(src.display()) : importedBy.mark();
        problems.error(at, importedBy == null ? "" : "imports", (importedBy == null
            ? "cannot read the template: " : "cannot read import '" + importedBy.file() + "': ")
            + reason(e));
        return null;
      }
      int before = problems.errorCount();
      YNode root = YamlReader.read(src.display(), text, problems);
      st = root == null && problems.errorCount() > before
          ? TemplateParser.unreadable(src.display())
          : new TemplateParser(problems).parse(src.display(), root);
    }
    stack.push(src.id());
    for (ImportDef imp : st.imports()) {
      List<String> why = new ArrayList<>();
      Source target = catalogue.isUrl(imp.file()) ? catalogue.resolve(imp.file(), why)
          : src.relative(imp.file());
      if (target == null) {
        problems.error(imp.mark(), "imports", "cannot resolve import '" + imp.file() + "': "
            + (why.isEmpty() ? "relative imports need a file on disk" : String.join("; ", why)));
        unresolved[0]++;
        continue;
      }
      int before = problems.errorCount();
      if (load(target, stack, loaded, problems, imp, unresolved) == null
          || problems.errorCount() > before) {
        unresolved[0]++;
      }
    }
    stack.pop();
    loaded.put(src.id(), st);
    return st;
  }

  private static ServiceTemplate bundled(String resource) {
    return BUNDLED.computeIfAbsent(resource, r -> {
      Problems p = new Problems(false);
      String text;
      try {
        text = Source.resource(r).read();
      } catch (IOException e) {
        throw new IllegalStateException("the distribution is broken: " + e.getMessage(), e);
      }
      ServiceTemplate st = new TemplateParser(p).parse("bundled:" + r,
          YamlReader.read("bundled:" + r, text, p));
      if (p.hasErrors()) {
        throw new IllegalStateException("bundled types " + r + " are invalid: " + p.all());
      }
      return st;
    });
  }

  private static String display(String id) {
    return id.startsWith("file:") ? Path.of(id.substring(5)).getFileName().toString() : id;
  }

  private static String reason(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }
}
