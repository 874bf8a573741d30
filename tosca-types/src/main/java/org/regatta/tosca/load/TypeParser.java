package org.regatta.tosca.load;

import static org.regatta.tosca.load.Shapes.join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.regatta.tosca.model.CapabilityDef;
import org.regatta.tosca.model.Occurrences;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.RequirementDef;
import org.regatta.tosca.model.Schema;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.yaml.YNode;

/** Parses the type sections (data_types … policy_types) of a service template. */
final class TypeParser {

  private static final Set<String> COMMON = Set.of("derived_from", "version", "description",
      "metadata", "properties", "attributes");
  private static final Set<String> CAPABILITY_DEF_KEYS = Set.of("type", "description",
      "properties", "attributes", "valid_source_types", "occurrences");
  private static final Set<String> REQUIREMENT_DEF_KEYS =
      Set.of("capability", "node", "relationship", "occurrences", "description", "node_filter");

  private final Shapes shapes;
  private final Definitions defs;

  TypeParser(Definitions defs) {
    this.defs = defs;
    this.shapes = defs.shapes;
  }

  private static Set<String> keysFor(TypeKind kind) {
    Set<String> keys = new TreeSet<>(COMMON);
    switch (kind) {
      case NODE -> keys.addAll(List.of("requirements", "capabilities", "interfaces", "artifacts"));
      case CAPABILITY -> keys.add("valid_source_types");
      case RELATIONSHIP -> keys.addAll(List.of("valid_target_types", "interfaces"));
      case DATA -> keys.addAll(List.of("constraints", "entry_schema", "key_schema"));
      case ARTIFACT -> keys.addAll(List.of("mime_type", "file_ext"));
      case GROUP -> keys.addAll(List.of("members", "requirements", "capabilities", "interfaces"));
      case POLICY -> keys.addAll(List.of("targets", "triggers"));
      case INTERFACE -> keys.addAll(List.of("inputs", "operations", "notifications"));
    }
    return keys;
  }

  Map<String, TypeDefinition> section(TypeKind kind, YNode n) {
    Map<String, TypeDefinition> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, kind.keyword(), kind.label() + " definitions");
    if (m == null) {
      return out;
    }
    for (YNode.Entry e : m.entries().values()) {
      TypeDefinition t = type(kind, e, join(kind.keyword(), e.key()));
      if (t != null) {
        out.put(e.key(), t);
      }
    }
    return out;
  }

  private TypeDefinition type(TypeKind kind, YNode.Entry e, String path) {
    YNode.MapNode m;
    if (e.value() instanceof YNode.Scalar s && s.isNull()) {
      m = new YNode.MapNode(Map.of(), e.keyMark());
    } else {
      m = shapes.map(e.value(), path, "a " + kind.label() + " definition");
      if (m == null) {
        return null;
      }
    }
    if (kind != TypeKind.INTERFACE) {
      shapes.keys(m, path, keysFor(kind), "a " + kind.label());
    }
    String derivedFrom = shapes.optString(m, "derived_from", path);
    Map<String, PropertyDef> props = m.has("properties")
        ? defs.propertyDefs(m.get("properties"), join(path, "properties")) : Map.of();
    Map<String, PropertyDef> attrs = m.has("attributes")
        ? defs.propertyDefs(m.get("attributes"), join(path, "attributes")) : Map.of();
    Map<String, CapabilityDef> caps = m.has("capabilities")
        ? capabilities(m.get("capabilities"), join(path, "capabilities")) : Map.of();
    List<RequirementDef> reqs = m.has("requirements")
        ? requirements(m.get("requirements"), join(path, "requirements")) : List.of();
    var interfaces = m.has("interfaces") && kind != TypeKind.INTERFACE
        ? defs.interfaces(m.get("interfaces"), join(path, "interfaces")) : Map.<String,
            org.regatta.tosca.model.InterfaceDef>of();
    var artifacts = m.has("artifacts")
        ? defs.artifacts(m.get("artifacts"), join(path, "artifacts")) : Map.<String,
            org.regatta.tosca.model.ArtifactDef>of();
    Map<String, org.regatta.tosca.model.Operation> operations = new LinkedHashMap<>();
    if (kind == TypeKind.INTERFACE) {
      for (YNode.Entry op : m.entries().values()) {
        if (op.key().equals("operations")) {
          YNode.MapNode om = shapes.map(op.value(), join(path, "operations"), "operations");
          if (om != null) {
            om.entries().values().forEach(o -> operations.put(o.key(),
                defs.operation(o, join(path, "operations." + o.key()))));
          }
        } else if (!COMMON.contains(op.key()) && !op.key().equals("inputs")
            && !op.key().equals("notifications")) {
          operations.put(op.key(), defs.operation(op, join(path, op.key())));
        }
      }
    }
    var constraints = m.has("constraints")
        ? defs.constraints(m.get("constraints"), join(path, "constraints"))
        : List.<org.regatta.tosca.model.Constraint>of();
    Schema entry = m.has("entry_schema")
        ? defs.entrySchema(m.get("entry_schema"), join(path, "entry_schema")) : null;
    List<String> validSources = m.has("valid_source_types")
        ? shapes.strings(m.get("valid_source_types"), join(path, "valid_source_types"),
            "type names") : List.of();
    List<String> validTargets = m.has("valid_target_types")
        ? shapes.strings(m.get("valid_target_types"), join(path, "valid_target_types"),
            "type names") : List.of();
    List<String> targets = m.has("targets")
        ? shapes.strings(m.get("targets"), join(path, "targets"), "type names")
        : m.has("members") ? shapes.strings(m.get("members"), join(path, "members"),
            "type names") : List.of();
    return new TypeDefinition(kind, e.key(), derivedFrom,
        shapes.optString(m, "description", path), props, attrs, caps, reqs, interfaces,
        artifacts, operations, constraints, entry, validSources, validTargets, targets,
        e.keyMark());
  }

  private Map<String, CapabilityDef> capabilities(YNode n, String path) {
    Map<String, CapabilityDef> out = new LinkedHashMap<>();
    YNode.MapNode m = shapes.map(n, path, "capability definitions");
    if (m == null) {
      return out;
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = join(path, e.key());
      if (e.value() instanceof YNode.Scalar) {
        String type = shapes.string(e.value(), p, "a capability type name");
        if (type != null) {
          out.put(e.key(), new CapabilityDef(e.key(), type, Map.of(), Map.of(), List.of(),
              new Occurrences(1, Integer.MAX_VALUE), e.keyMark()));
        }
        continue;
      }
      YNode.MapNode cm = shapes.map(e.value(), p, "a capability definition");
      if (cm == null) {
        continue;
      }
      shapes.keys(cm, p, CAPABILITY_DEF_KEYS, "a capability definition");
      String type = shapes.optString(cm, "type", p);
      if (type == null) {
        shapes.problems.error(e.keyMark(), p, "capability definition needs a 'type'");
        continue;
      }
      out.put(e.key(), new CapabilityDef(e.key(), type,
          cm.has("properties") ? defs.propertyDefs(cm.get("properties"), join(p, "properties"))
              : Map.of(),
          cm.has("attributes") ? defs.propertyDefs(cm.get("attributes"), join(p, "attributes"))
              : Map.of(),
          cm.has("valid_source_types") ? shapes.strings(cm.get("valid_source_types"),
              join(p, "valid_source_types"), "type names") : List.of(),
          cm.has("occurrences") ? defs.occurrences(cm.get("occurrences"), join(p, "occurrences"))
              : new Occurrences(1, Integer.MAX_VALUE),
          e.keyMark()));
    }
    return out;
  }

  private List<RequirementDef> requirements(YNode n, String path) {
    List<RequirementDef> out = new ArrayList<>();
    List<YNode.Entry> entries = shapes.singleKeyList(n, path, "requirement definition");
    for (int i = 0; i < entries.size(); i++) {
      YNode.Entry e = entries.get(i);
      String p = path + "[" + i + "]." + e.key();
      if (e.value() instanceof YNode.Scalar) {
        String cap = shapes.string(e.value(), p, "a capability type name");
        out.add(new RequirementDef(e.key(), cap, null, null, Occurrences.ONE, e.keyMark()));
        continue;
      }
      YNode.MapNode rm = shapes.map(e.value(), p, "a requirement definition");
      if (rm == null) {
        continue;
      }
      shapes.keys(rm, p, REQUIREMENT_DEF_KEYS, "a requirement definition");
      String relationship = null;
      YNode rel = rm.get("relationship");
      if (rel instanceof YNode.MapNode relMap) {
        relationship = shapes.optString(relMap, "type", join(p, "relationship"));
      } else if (rel != null) {
        relationship = shapes.string(rel, join(p, "relationship"), "a relationship type name");
      }
      out.add(new RequirementDef(e.key(), shapes.optString(rm, "capability", p),
          shapes.optString(rm, "node", p), relationship,
          rm.has("occurrences") ? defs.occurrences(rm.get("occurrences"), join(p, "occurrences"))
              : Occurrences.ONE,
          e.keyMark()));
    }
    return out;
  }
}
