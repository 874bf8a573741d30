package org.regatta.tosca.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.ArtifactDef;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.CapabilityDef;
import org.regatta.tosca.model.GroupOrPolicy;
import org.regatta.tosca.model.NodeTemplate;
import org.regatta.tosca.model.Output;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.RequirementAssignment;
import org.regatta.tosca.model.RequirementDef;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.model.Value;
import org.regatta.tosca.yaml.Mark;

/**
 * Checks a topology against its types and the given inputs, and returns it resolved: inputs
 * substituted, defaults filled in, values in canonical form, {@code get_attribute} deferred.
 */
final class TopologyValidator {

  private final TypeRegistry types;
  private final Problems problems;
  private final ValueChecker checker;

  TopologyValidator(TypeRegistry types, Problems problems) {
    this.types = types;
    this.problems = problems;
    this.checker = new ValueChecker(types, problems);
  }

  /** The inputs' values: given, default, generated secret, or absent. */
  Map<String, Value> inputs(TopologyTemplate t, Map<String, Value> given, String file) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> g : given.entrySet()) {
      if (!t.inputs().containsKey(g.getKey())) {
        problems.error(Mark.of(file), "inputs", "unknown input '" + g.getKey() + "'"
            + Suggest.closest(g.getKey(), t.inputs().keySet())
            + (t.inputs().isEmpty() ? ": the template declares no inputs"
                : " (the template declares: " + String.join(", ", t.inputs().keySet()) + ")"));
      }
    }
    for (PropertyDef def : t.inputs().values()) {
      String path = "topology_template.inputs." + def.name();
      if (def.type() == null) {
        problems.error(def.mark(), path, "input has no 'type'");
        continue;
      }
      if (!types.has(TypeKind.DATA, def.type())) {
        problems.error(def.mark(), path + ".type", "unknown data type '" + def.type() + "'"
            + Suggest.closest(def.type(), types.names(TypeKind.DATA)));
        continue;
      }
      Value v = structured(given.get(def.name()), def);
      if (v != null) {
        // report at the input's definition: the value itself may come from the command line
        Problems own = new Problems(problems.lenient());
        Value checked = new ValueChecker(types, own).check(v, def.schema(), path);
        for (var p : own.all()) {
          String from = p.mark() == null || p.mark().line() == 0 ? "the value given" : "the value"
              + " given at " + p.mark();
          String msg = "input '" + def.name() + "': " + from + ": " + p.message();
          if (p.isError()) {
            problems.error(def.mark(), p.path(), msg);
          } else {
            problems.warning(def.mark(), p.path(), msg);
          }
        }
        if (checked != null) {
          out.put(def.name(), checked);
        }
      } else if (def.defaultValue() != null) {
        Value checked = checker.check(def.defaultValue(), def.schema(), path + ".default");
        if (checked != null) {
          out.put(def.name(), checked);
        }
      } else if (def.generatedSecret()) {
        out.put(def.name(), new Value.Generated(def.name(), def.mark()));
      } else if (def.required()) {
        problems.error(def.mark(), path, "missing required input '" + def.name()
            + "': give it with -i " + def.name() + "=VALUE or in an --inputs file");
      }
    }
    return out;
  }

  /** A list, map, range or data type given as text on the command line is read as YAML: [a, b]. */
  private Value structured(Value v, PropertyDef def) {
    if (!(v instanceof Value.Scalar s) || !ToscaLoader.COMMAND_LINE.equals(s.mark().file())) {
      return v;
    }
    String prim = types.primitiveBase(def.type());
    if (prim != null && !prim.equals("list") && !prim.equals("map") && !prim.equals("range")) {
      return v;
    }
    Problems yaml = new Problems(false);
    org.regatta.tosca.yaml.YNode n = org.regatta.tosca.yaml.YamlReader.read(
        ToscaLoader.COMMAND_LINE, s.text(), yaml);
    return n == null || yaml.hasErrors() ? v : new Definitions(new Shapes(yaml)).value(n);
  }

  TopologyTemplate topology(TopologyTemplate t, Map<String, Value> inputs) {
    Functions fn = new Functions(t.inputs(), inputs, t.nodeTemplates(), types, problems);
    Map<String, NodeTemplate> nodes = new LinkedHashMap<>();
    for (NodeTemplate n : t.nodeTemplates().values()) {
      nodes.put(n.name(), node(n, t, fn));
    }
    cycles(t.nodeTemplates());
    Map<String, Output> outputs = new LinkedHashMap<>();
    for (Output o : t.outputs().values()) {
      outputs.put(o.name(), new Output(o.name(), o.description(),
          fn.resolve(o.value(), null, "topology_template.outputs." + o.name()), o.mark()));
    }
    List<GroupOrPolicy> groups = new ArrayList<>();
    for (GroupOrPolicy g : t.groups()) {
      groups.add(groupOrPolicy(g, TypeKind.GROUP, "groups", t, fn));
    }
    List<GroupOrPolicy> policies = new ArrayList<>();
    for (GroupOrPolicy p : t.policies()) {
      policies.add(groupOrPolicy(p, TypeKind.POLICY, "policies", t, fn));
    }
    return new TopologyTemplate(t.description(), t.inputs(), nodes, t.relationships(), groups,
        policies, outputs);
  }

  private NodeTemplate node(NodeTemplate n, TopologyTemplate t, Functions fn) {
    String path = "topology_template.node_templates." + n.name();
    TypeDefinition type = types.get(TypeKind.NODE, n.type());
    if (type == null) {
      problems.error(n.typeMark(), path + ".type", "unknown node type '" + n.type() + "'"
          + Suggest.closest(n.type(), types.names(TypeKind.NODE)));
      return n;
    }
    Map<String, Value> props = properties(n.properties(), type.properties(), path + ".properties",
        "node type " + type.name(), n, fn, n.mark());
    Map<String, CapabilityAssignment> caps = new LinkedHashMap<>();
    for (CapabilityAssignment a : n.capabilities().values()) {
      String p = path + ".capabilities." + a.name();
      CapabilityDef def = type.capabilities().get(a.name());
      if (def == null) {
        problems.strict(a.mark(), p, "node type " + type.name() + " has no capability '"
            + a.name() + "'" + Suggest.closest(a.name(), type.capabilities().keySet())
            + " (it has: " + String.join(", ", type.capabilities().keySet()) + ")");
        caps.put(a.name(), a);
        continue;
      }
      caps.put(a.name(), new CapabilityAssignment(a.name(), properties(a.properties(),
          types.capabilityProperties(def), p + ".properties", "capability " + a.name() + " ("
              + def.type() + ")", n, fn, a.mark()), a.attributes(), a.mark()));
    }
    for (CapabilityDef def : type.capabilities().values()) {
      if (!caps.containsKey(def.name())) {
        Map<String, Value> defaults = properties(Map.of(), types.capabilityProperties(def),
            path + ".capabilities." + def.name() + ".properties", "capability " + def.name(), n,
            fn, n.mark());
        if (!defaults.isEmpty()) {
          caps.put(def.name(), new CapabilityAssignment(def.name(), defaults, Map.of(),
              n.mark()));
        }
      }
    }
    for (int i = 0; i < n.requirements().size(); i++) {
      requirement(n, type, n.requirements().get(i), path + ".requirements[" + i + "]", t);
    }
    Map<String, ArtifactDef> artifacts = new LinkedHashMap<>();
    for (ArtifactDef a : n.artifacts().values()) {
      String p = path + ".artifacts." + a.name();
      if (a.type() != null && !types.has(TypeKind.ARTIFACT, a.type())) {
        problems.error(a.mark(), p + ".type", "unknown artifact type '" + a.type() + "'"
            + Suggest.closest(a.type(), types.names(TypeKind.ARTIFACT)));
      }
      artifacts.put(a.name(), new ArtifactDef(a.name(), a.type(), fn.resolve(a.file(), n,
          p + ".file"), a.repository(), a.deployPath(), a.mark()));
    }
    return n.withValues(props, caps, artifacts);
  }

  private Map<String, Value> properties(Map<String, Value> given, Map<String, PropertyDef> defs,
      String path, String owner, NodeTemplate self, Functions fn, Mark ownerMark) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : given.entrySet()) {
      String p = path + "." + e.getKey();
      PropertyDef def = defs.get(e.getKey());
      Value resolved = fn.resolve(e.getValue(), self, p);
      if (def == null) {
        problems.strict(e.getValue().mark(), p, owner + " has no property '" + e.getKey() + "'"
            + Suggest.closest(e.getKey(), defs.keySet())
            + (defs.isEmpty() ? "" : " (it has: " + String.join(", ", defs.keySet()) + ")"));
        out.put(e.getKey(), resolved);
        continue;
      }
      if (resolved instanceof Value.Scalar s && s.isNull()) {
        continue; // unset, as when the value comes from an optional input nobody gave
      }
      Value checked = checker.check(resolved, def.schema(), p);
      if (checked != null) {
        out.put(e.getKey(), checked);
      }
    }
    for (PropertyDef def : defs.values()) {
      if (out.containsKey(def.name()) || given.containsKey(def.name())) {
        continue;
      }
      if (def.defaultValue() != null) {
        Value checked = checker.check(fn.resolve(def.defaultValue(), self, path),
            def.schema(), path + "." + def.name() + " (default)");
        if (checked != null) {
          out.put(def.name(), checked);
        }
      } else if (def.required()) {
        problems.error(ownerMark, path, "missing required property '" + def.name() + "' of "
            + owner);
      }
    }
    return out;
  }

  private void requirement(NodeTemplate n, TypeDefinition type, RequirementAssignment r,
      String path, TopologyTemplate t) {
    RequirementDef def = type.requirement(r.name());
    if (def == null) {
      problems.strict(r.mark(), path, "node type " + type.name() + " has no requirement '"
          + r.name() + "'" + Suggest.closest(r.name(),
              type.requirements().stream().map(RequirementDef::name).toList())
          + " (it has: " + String.join(", ", type.requirements().stream()
              .map(RequirementDef::name).toList()) + ")");
    }
    if (r.relationship() != null && !t.relationships().containsKey(r.relationship())
        && !types.has(TypeKind.RELATIONSHIP, r.relationship())) {
      problems.error(r.mark(), path + ".relationship", "unknown relationship type or template '"
          + r.relationship() + "'");
    }
    if (r.node() == null) {
      problems.error(r.mark(), path, "requirement '" + r.name() + "' names no node: Regatta"
          + " does not pick target nodes by itself");
      return;
    }
    NodeTemplate target = t.nodeTemplates().get(r.node());
    if (target == null) {
      if (types.has(TypeKind.NODE, r.node())) {
        return; // a node type as target: an abstract requirement, filled at deploy time
      }
      problems.error(r.mark(), path, "requirement '" + r.name() + "' names node '" + r.node()
          + "', which is not in node_templates"
          + Suggest.closest(r.node(), t.nodeTemplates().keySet()));
      return;
    }
    TypeDefinition targetType = types.get(TypeKind.NODE, target.type());
    if (def == null || targetType == null) {
      return;
    }
    if (def.node() != null && types.has(TypeKind.NODE, def.node())
        && !types.derivesFrom(TypeKind.NODE, target.type(), def.node())) {
      problems.error(r.mark(), path, "requirement '" + r.name() + "' needs a node of type "
          + def.node() + ", but '" + r.node() + "' is a " + target.type());
    }
    String wanted = r.capability() != null ? r.capability() : def.capability();
    if (wanted != null && !offers(targetType, wanted)) {
      problems.error(r.mark(), path, "requirement '" + r.name() + "' needs capability "
          + wanted + ", which node '" + r.node() + "' (" + target.type() + ") does not offer");
    }
  }

  private boolean offers(TypeDefinition node, String capability) {
    if (node.capabilities().containsKey(capability)) {
      return true;
    }
    if (!types.has(TypeKind.CAPABILITY, capability)) {
      return true; // the unknown capability type is reported with its definition
    }
    return node.capabilities().values().stream()
        .anyMatch(c -> types.derivesFrom(TypeKind.CAPABILITY, c.type(), capability));
  }

  /** Requirement cycles, each reported once by the nodes in it. */
  private void cycles(Map<String, NodeTemplate> nodes) {
    Map<String, Integer> state = new HashMap<>();
    Set<String> reported = new LinkedHashSet<>();
    for (String start : nodes.keySet()) {
      dfs(start, nodes, state, new ArrayList<>(), reported);
    }
  }

  private void dfs(String node, Map<String, NodeTemplate> nodes, Map<String, Integer> state,
      List<String> stack, Set<String> reported) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
      List<String> key = new ArrayList<>(cycle);
      java.util.Collections.sort(key);
      if (reported.add(String.join(",", key))) {
        cycle.add(node);
        NodeTemplate first = nodes.get(cycle.get(0));
        problems.error(first.mark(), "topology_template.node_templates." + first.name()
            + ".requirements", "requirement cycle: " + String.join(" → ", cycle));
      }
      return;
    }
    state.put(node, 1);
    stack.add(node);
    for (RequirementAssignment r : nodes.get(node).requirements()) {
      if (r.node() != null && nodes.containsKey(r.node())) {
        dfs(r.node(), nodes, state, stack, reported);
      }
    }
    stack.remove(stack.size() - 1);
    state.put(node, 2);
  }

  private GroupOrPolicy groupOrPolicy(GroupOrPolicy g, TypeKind kind, String section,
      TopologyTemplate t, Functions fn) {
    String path = "topology_template." + section + "." + g.name();
    TypeDefinition type = types.get(kind, g.type());
    if (type == null) {
      problems.error(g.mark(), path + ".type", "unknown " + kind.label() + " '" + g.type() + "'"
          + Suggest.closest(g.type(), types.names(kind)));
      return g;
    }
    Set<String> groupNames = new LinkedHashSet<>();
    t.groups().forEach(x -> groupNames.add(x.name()));
    for (String m : g.members()) {
      if (!t.nodeTemplates().containsKey(m) && !groupNames.contains(m)) {
        problems.error(g.mark(), path, "'" + m + "' is not a node template or group"
            + Suggest.closest(m, t.nodeTemplates().keySet()));
      }
    }
    Map<String, Value> props = properties(g.properties(), type.properties(),
        path + ".properties", kind.label() + " " + type.name(), null, fn, g.mark());
    return new GroupOrPolicy(g.name(), g.type(), props, g.members(), g.mark());
  }
}
