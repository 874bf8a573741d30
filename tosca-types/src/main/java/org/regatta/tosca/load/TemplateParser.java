package org.regatta.tosca.load;

import static org.regatta.tosca.load.Shapes.join;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.ImportDef;
import org.regatta.tosca.model.ServiceTemplate;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.yaml.Mark;
import org.regatta.tosca.yaml.YNode;

/** Turns one file's YAML tree into a {@link ServiceTemplate}, recording grammar problems. */
final class TemplateParser {

  static final Set<String> VERSIONS = Set.of("tosca_simple_yaml_1_0", "tosca_simple_yaml_1_1",
      "tosca_simple_yaml_1_2", "tosca_simple_yaml_1_3");
  private static final Set<String> TOP_KEYS;

  static {
    Set<String> keys = new TreeSet<>(Set.of("tosca_definitions_version", "tosca_default_namespace",
        "namespace", "description", "metadata", "template_name", "template_author",
        "template_version", "dsl_definitions", "repositories", "imports", "topology_template"));
    for (TypeKind k : TypeKind.values()) {
      keys.add(k.keyword());
    }
    TOP_KEYS = keys;
  }

  private final Shapes shapes;
  private final Definitions defs;

  TemplateParser(Problems problems) {
    this.shapes = new Shapes(problems);
    this.defs = new Definitions(shapes);
  }

  /** Stands for a file whose YAML could not be read (the syntax error is already reported). */
  static ServiceTemplate unreadable(String file) {
    return new ServiceTemplate(file, null, null, Map.of(), List.of(), Map.of(), null);
  }

  ServiceTemplate parse(String file, YNode root) {
    Map<TypeKind, Map<String, TypeDefinition>> types = new EnumMap<>(TypeKind.class);
    if (root == null) {
      shapes.problems.error(Mark.of(file), "", "the file is empty: expected a TOSCA service "
          + "template starting with 'tosca_definitions_version'");
      return new ServiceTemplate(file, null, null, Map.of(), List.of(), types, null);
    }
    YNode.MapNode m = shapes.map(root, "", "a TOSCA service template");
    if (m == null) {
      return new ServiceTemplate(file, null, null, Map.of(), List.of(), types, null);
    }
    shapes.keys(m, "", TOP_KEYS, "a service template");
    String version = shapes.optString(m, "tosca_definitions_version", "");
    if (version == null) {
      shapes.problems.error(new Mark(file, 1, 1), "tosca_definitions_version",
          "missing: expected one of " + new TreeSet<>(VERSIONS));
    } else if (!VERSIONS.contains(version)) {
      shapes.problems.error(m.get("tosca_definitions_version").mark(),
          "tosca_definitions_version", "unsupported version '" + version + "' (expected one of "
              + new TreeSet<>(VERSIONS) + ")");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    if (m.has("metadata")) {
      YNode.MapNode md = shapes.map(m.get("metadata"), "metadata", "metadata");
      if (md != null) {
        md.entries().forEach((k, e) -> {
          if (e.value() instanceof YNode.Scalar s) {
            metadata.put(k, s.text());
          }
        });
      }
    }
    TypeParser typeParser = new TypeParser(defs);
    for (TypeKind k : TypeKind.values()) {
      if (m.has(k.keyword())) {
        types.put(k, typeParser.section(k, m.get(k.keyword())));
      }
    }
    TopologyTemplate topology = m.has("topology_template")
        ? new TopologyParser(defs).topology(m.get("topology_template")) : null;
    return new ServiceTemplate(file, version, shapes.optString(m, "description", ""), metadata,
        m.has("imports") ? imports(m.get("imports")) : List.of(), types, topology);
  }

  private List<ImportDef> imports(YNode n) {
    List<ImportDef> out = new ArrayList<>();
    List<YNode> items = shapes.seq(n, "imports", "imports");
    for (int i = 0; i < items.size(); i++) {
      YNode item = items.get(i);
      String p = "imports[" + i + "]";
      if (item instanceof YNode.Scalar) {
        String file = shapes.string(item, p, "an import");
        if (file != null) {
          out.add(new ImportDef(null, file, null, item.mark()));
        }
        continue;
      }
      YNode.MapNode m = shapes.map(item, p, "an import");
      if (m == null) {
        continue;
      }
      if (m.has("file")) {
        addLong(out, null, m, p);
      } else if (m.entries().size() == 1) {
        YNode.Entry e = m.entries().values().iterator().next();
        if (e.value() instanceof YNode.MapNode lm) {
          addLong(out, e.key(), lm, join(p, e.key()));
        } else {
          String file = shapes.string(e.value(), join(p, e.key()), "an import file or URL");
          if (file != null) {
            out.add(new ImportDef(e.key(), file, null, e.value().mark()));
          }
        }
      } else {
        shapes.problems.error(m.mark(), p, "expected 'name: file' or a map with 'file'");
      }
    }
    return out;
  }

  private void addLong(List<ImportDef> out, String name, YNode.MapNode m, String p) {
    shapes.keys(m, p, Set.of("file", "repository", "namespace_prefix", "namespace_uri"),
        "an import");
    String file = shapes.optString(m, "file", p);
    if (file == null) {
      shapes.problems.error(m.mark(), p, "import needs a 'file'");
      return;
    }
    out.add(new ImportDef(name, file, shapes.optString(m, "repository", p),
        m.get("file").mark()));
  }
}
