package org.regatta.tosca.load;

import static org.regatta.tosca.load.Shapes.join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.GroupOrPolicy;
import org.regatta.tosca.model.InterfaceDef;
import org.regatta.tosca.model.NodeTemplate;
import org.regatta.tosca.model.Output;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.RelationshipTemplate;
import org.regatta.tosca.model.RequirementAssignment;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.YNode;

/** Parses {@code topology_template}: inputs, node templates, groups, policies, outputs. */
final class TopologyParser {

  private static final Set<String> TOPOLOGY_KEYS = Set.of("description", "inputs",
      "node_templates", "relationship_templates", "groups", "policies", "outputs",
      "substitution_mappings", "workflows");
  private static final Set<String> NODE_KEYS = Set.of("type", "description", "metadata",
      "directives", "properties", "attributes", "requirements", "capabilities", "interfaces",
      "artifacts", "node_filter", "copy");
  private static final Set<String> REQUIREMENT_KEYS =
      Set.of("node", "capability", "relationship", "node_filter", "occurrences", "description");
  private static final Set<String> RELATIONSHIP_KEYS =
      Set.of("type", "description", "metadata", "properties", "attributes", "interfaces", "copy");
  private static final Set<String> GROUP_POLICY_KEYS = Set.of("type", "description", "metadata",
      "properties", "members", "targets", "triggers", "interfaces");

  private final Shapes shapes;
  private final Definitions defs;

  TopologyParser(Definitions defs) {
    this.defs = defs;
    this.shapes = defs.shapes;
  }

  TopologyTemplate topology(YNode n) {
    String path = "topology_template";
    YNode.MapNode m = shapes.map(n, path, "a topology template");
    if (m == null) {
      return TopologyTemplate.empty();
    }
    shapes.keys(m, path, TOPOLOGY_KEYS, "topology_template");
    if (m.has("substitution_mappings")) {
      shapes.problems.error(m.entries().get("substitution_mappings").keyMark(),
          join(path, "substitution_mappings"),
          "substitution mappings are not supported: deploy the substituting template directly");
    }
    Map<String, PropertyDef> inputs = m.has("inputs")
        ? defs.propertyDefs(m.get("inputs"), join(path, "inputs")) : Map.of();
    Map<String, NodeTemplate> nodes = new LinkedHashMap<>();
    YNode.MapNode nm = m.has("node_templates")
        ? shapes.map(m.get("node_templates"), join(path, "node_templates"), "node templates")
        : null;
    if (nm != null) {
      for (YNode.Entry e : nm.entries().values()) {
        NodeTemplate t = node(e, join(path, "node_templates." + e.key()));
        if (t != null) {
          nodes.put(e.key(), t);
        }
      }
    }
    Map<String, RelationshipTemplate> rels = new LinkedHashMap<>();
    YNode.MapNode rm = m.has("relationship_templates") ? shapes.map(
        m.get("relationship_templates"), join(path, "relationship_templates"),
        "relationship templates") : null;
    if (rm != null) {
      for (YNode.Entry e : rm.entries().values()) {
        String p = join(path, "relationship_templates." + e.key());
        YNode.MapNode r = shapes.map(e.value(), p, "a relationship template");
        if (r == null) {
          continue;
        }
        shapes.keys(r, p, RELATIONSHIP_KEYS, "a relationship template");
        String type = requiredType(r, e, p);
        if (type != null) {
          rels.put(e.key(), new RelationshipTemplate(e.key(), type,
              r.has("properties") ? defs.values(r.get("properties"), join(p, "properties"),
                  "properties") : Map.of(),
              r.has("interfaces") ? defs.interfaces(r.get("interfaces"), join(p, "interfaces"))
                  : Map.of(),
              e.keyMark()));
        }
      }
    }
    List<GroupOrPolicy> groups = new ArrayList<>();
    if (m.has("groups")) {
      YNode.MapNode gm = shapes.map(m.get("groups"), join(path, "groups"), "groups");
      if (gm != null) {
        for (YNode.Entry e : gm.entries().values()) {
          addGroupOrPolicy(groups, e, join(path, "groups." + e.key()), "members");
        }
      }
    }
    List<GroupOrPolicy> policies = new ArrayList<>();
    if (m.has("policies")) {
      YNode pn = m.get("policies");
      List<YNode.Entry> entries = pn instanceof YNode.MapNode pm
          ? new ArrayList<>(pm.entries().values())
          : shapes.singleKeyList(pn, join(path, "policies"), "policy");
      for (YNode.Entry e : entries) {
        addGroupOrPolicy(policies, e, join(path, "policies." + e.key()), "targets");
      }
    }
    Map<String, Output> outputs = new LinkedHashMap<>();
    YNode.MapNode om = m.has("outputs")
        ? shapes.map(m.get("outputs"), join(path, "outputs"), "outputs") : null;
    if (om != null) {
      for (YNode.Entry e : om.entries().values()) {
        String p = join(path, "outputs." + e.key());
        YNode.MapNode o = shapes.map(e.value(), p, "an output");
        if (o == null) {
          continue;
        }
        shapes.keys(o, p, Set.of("description", "value", "type", "status"), "an output");
        if (!o.has("value")) {
          shapes.problems.error(e.keyMark(), p, "output needs a 'value'");
          continue;
        }
        outputs.put(e.key(), new Output(e.key(), shapes.optString(o, "description", p),
            defs.value(o.get("value")), e.keyMark()));
      }
    }
    return new TopologyTemplate(shapes.optString(m, "description", path), inputs, nodes, rels,
        groups, policies, outputs);
  }

  private void addGroupOrPolicy(List<GroupOrPolicy> out, YNode.Entry e, String p, String key) {
    YNode.MapNode g = shapes.map(e.value(), p, "a group or policy");
    if (g == null) {
      return;
    }
    shapes.keys(g, p, GROUP_POLICY_KEYS, key.equals("members") ? "a group" : "a policy");
    String type = requiredType(g, e, p);
    if (type == null) {
      return;
    }
    out.add(new GroupOrPolicy(e.key(), type,
        g.has("properties") ? defs.values(g.get("properties"), join(p, "properties"),
            "properties") : Map.of(),
        g.has(key) ? shapes.strings(g.get(key), join(p, key), "node names") : List.of(),
        e.keyMark()));
  }

  private String requiredType(YNode.MapNode m, YNode.Entry e, String p) {
    if (!m.has("type")) {
      shapes.problems.error(e.keyMark(), p, "missing 'type'");
      return null;
    }
    return shapes.string(m.get("type"), join(p, "type"), "a type name");
  }

  private NodeTemplate node(YNode.Entry e, String path) {
    YNode.MapNode m = shapes.map(e.value(), path, "a node template");
    if (m == null) {
      if (e.value() instanceof YNode.Scalar s && s.isNull()) {
        shapes.problems.error(e.keyMark(), path, "node template is empty: give it a type");
      }
      return null;
    }
    shapes.keys(m, path, NODE_KEYS, "a node template");
    String type = requiredType(m, e, path);
    if (type == null) {
      return null;
    }
    Map<String, CapabilityAssignment> caps = new LinkedHashMap<>();
    YNode.MapNode cm = m.has("capabilities")
        ? shapes.map(m.get("capabilities"), join(path, "capabilities"), "capabilities") : null;
    if (cm != null) {
      for (YNode.Entry c : cm.entries().values()) {
        String p = join(path, "capabilities." + c.key());
        YNode.MapNode cv = shapes.map(c.value(), p, "a capability assignment");
        if (cv == null) {
          caps.put(c.key(), new CapabilityAssignment(c.key(), Map.of(), Map.of(), c.keyMark()));
          continue;
        }
        shapes.keys(cv, p, Set.of("properties", "attributes"), "a capability assignment");
        caps.put(c.key(), new CapabilityAssignment(c.key(),
            cv.has("properties") ? defs.values(cv.get("properties"), join(p, "properties"),
                "properties") : Map.of(),
            cv.has("attributes") ? defs.values(cv.get("attributes"), join(p, "attributes"),
                "attributes") : Map.of(),
            c.keyMark()));
      }
    }
    List<RequirementAssignment> reqs = m.has("requirements")
        ? requirements(m.get("requirements"), join(path, "requirements")) : List.of();
    return new NodeTemplate(e.key(), type, shapes.optString(m, "description", path),
        m.has("properties") ? defs.values(m.get("properties"), join(path, "properties"),
            "properties") : Map.of(),
        m.has("attributes") ? defs.values(m.get("attributes"), join(path, "attributes"),
            "attributes") : Map.of(),
        caps, reqs,
        m.has("interfaces") ? defs.interfaces(m.get("interfaces"), join(path, "interfaces"))
            : Map.of(),
        m.has("artifacts") ? defs.artifacts(m.get("artifacts"), join(path, "artifacts"))
            : Map.of(),
        m.has("directives") ? shapes.strings(m.get("directives"), join(path, "directives"),
            "directives") : List.of(),
        e.keyMark(), m.get("type").mark());
  }

  private List<RequirementAssignment> requirements(YNode n, String path) {
    List<RequirementAssignment> out = new ArrayList<>();
    List<YNode.Entry> entries = shapes.singleKeyList(n, path, "requirement");
    for (int i = 0; i < entries.size(); i++) {
      YNode.Entry e = entries.get(i);
      String p = path + "[" + i + "]." + e.key();
      if (e.value() instanceof YNode.Scalar) {
        String node = shapes.string(e.value(), p, "a node template name");
        if (node != null) {
          out.add(new RequirementAssignment(e.key(), node, null, null, Map.of(), Map.of(),
              e.keyMark()));
        }
        continue;
      }
      YNode.MapNode rm = shapes.map(e.value(), p, "a requirement assignment");
      if (rm == null) {
        continue;
      }
      shapes.keys(rm, p, REQUIREMENT_KEYS, "a requirement assignment");
      String relationship = null;
      Map<String, Value> relProps = Map.of();
      Map<String, InterfaceDef> relIfaces = Map.of();
      YNode rel = rm.get("relationship");
      if (rel instanceof YNode.MapNode relMap) {
        String rp = join(p, "relationship");
        shapes.keys(relMap, rp, Set.of("type", "properties", "interfaces"),
            "an inline relationship");
        relationship = shapes.optString(relMap, "type", rp);
        if (relMap.has("properties")) {
          relProps = defs.values(relMap.get("properties"), join(rp, "properties"), "properties");
        }
        if (relMap.has("interfaces")) {
          relIfaces = defs.interfaces(relMap.get("interfaces"), join(rp, "interfaces"));
        }
      } else if (rel != null) {
        relationship = shapes.string(rel, join(p, "relationship"), "a relationship name");
      }
      out.add(new RequirementAssignment(e.key(), shapes.optString(rm, "node", p),
          shapes.optString(rm, "capability", p), relationship, relProps, relIfaces,
          e.keyMark()));
    }
    return out;
  }
}
