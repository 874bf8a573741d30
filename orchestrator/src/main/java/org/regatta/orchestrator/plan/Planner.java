package org.regatta.orchestrator.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.Problem;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.TypeRegistry;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.NodeTemplate;
import org.regatta.tosca.model.RequirementAssignment;
import org.regatta.tosca.model.RequirementDef;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;
import org.regatta.tosca.model.Value;

/**
 * Turns a resolved topology into a plan: instances after {@code scalable.count}, and the
 * create/configure/start steps ordered by requirements. Pure: data in, plan out.
 *
 * <p>Ordering follows TOSCA's lifecycle: a node hosted on another is created after its host has
 * started; a node that depends on or connects to another is configured after that one started.
 */
public final class Planner {

  private Planner() {}

  /** Nodes whose type no Regatta role implements, each as an error naming node and type. */
  public static List<Problem> unimplemented(LoadResult r) {
    List<Problem> out = new ArrayList<>();
    for (NodeTemplate n : r.topology().nodeTemplates().values()) {
      if (Roles.of(r.types(), n.type()).isEmpty()) {
        out.add(new Problem(Problem.Severity.ERROR, n.typeMark(),
            "topology_template.node_templates." + n.name() + ".type", "node type '" + n.type()
                + "' has no implementation in Regatta (no role implements it or a type it"
                + " derives from; implemented: " + String.join(", ", Roles.implementedTypes())
                + ")"));
      }
    }
    return out;
  }

  public static Plan plan(LoadResult r) {
    TopologyTemplate t = r.topology();
    TypeRegistry types = r.types();
    Map<String, PlannedNode> planned = new LinkedHashMap<>();
    for (NodeTemplate n : t.nodeTemplates().values()) {
      instances(n, t, types, planned, new ArrayList<>());
    }
    List<PlannedNode> nodes = new ArrayList<>();
    t.nodeTemplates().keySet().forEach(name -> nodes.add(planned.get(name)));
    return new Plan(r.template().file(), r.inputs(), nodes, steps(t, types), t.outputs());
  }

  private static PlannedNode instances(NodeTemplate n, TopologyTemplate t, TypeRegistry types,
      Map<String, PlannedNode> planned, List<String> visiting) {
    PlannedNode done = planned.get(n.name());
    if (done != null) {
      return done;
    }
    visiting.add(n.name());
    boolean compute = types.derivesFrom(TypeKind.NODE, n.type(), "tosca.nodes.Compute");
    String host = compute ? null : hostOf(n, t, types);
    List<NodeInstance> instances = new ArrayList<>();
    if (host != null && !visiting.contains(host)) {
      PlannedNode h = instances(t.nodeTemplates().get(host), t, types, planned, visiting);
      for (NodeInstance hi : h.instances()) {
        instances.add(new NodeInstance(n.name(), hi.index(), hi.id()));
      }
    } else {
      int count = count(n);
      for (int i = 0; i < count; i++) {
        instances.add(new NodeInstance(n.name(), i, null));
      }
    }
    visiting.remove(n.name());
    PlannedNode p = new PlannedNode(n, compute, host, instances, Roles.of(types, n.type()));
    planned.put(n.name(), p);
    return p;
  }

  /** {@code scalable.count} (INDIGO) or {@code default_instances}; 1 when neither is set. */
  static int count(NodeTemplate n) {
    CapabilityAssignment scalable = n.capabilities().get("scalable");
    if (scalable == null) {
      return 1;
    }
    for (String key : List.of("count", "default_instances")) {
      if (scalable.properties().get(key) instanceof Value.Scalar s) {
        try {
          return Math.max(0, Integer.parseInt(s.text()));
        } catch (NumberFormatException ignored) {
          // a deferred or odd value: fall through to the next key
        }
      }
    }
    return 1;
  }

  private static String hostOf(NodeTemplate n, TopologyTemplate t, TypeRegistry types) {
    for (RequirementAssignment r : n.requirements()) {
      if (hostedOn(n, r, types) && t.nodeTemplates().containsKey(r.node())) {
        return r.node();
      }
    }
    return null;
  }

  static boolean hostedOn(NodeTemplate n, RequirementAssignment r, TypeRegistry types) {
    String rel = r.relationship();
    if (rel == null) {
      TypeDefinition type = types.get(TypeKind.NODE, n.type());
      RequirementDef def = type == null ? null : type.requirement(r.name());
      rel = def == null ? null : def.relationship();
    }
    return rel != null && types.has(TypeKind.RELATIONSHIP, rel)
        ? types.derivesFrom(TypeKind.RELATIONSHIP, rel, "tosca.relationships.HostedOn")
        : r.name().equals("host");
  }

  /** Steps in waves: a step's wave is one more than the latest wave it waits for. */
  private static List<Step> steps(TopologyTemplate t, TypeRegistry types) {
    Map<String, List<String>> after = new LinkedHashMap<>();
    for (NodeTemplate n : t.nodeTemplates().values()) {
      after.put(n.name() + ".create", new ArrayList<>());
      after.put(n.name() + ".configure", new ArrayList<>(List.of(n.name() + ".create")));
      after.put(n.name() + ".start", new ArrayList<>(List.of(n.name() + ".configure")));
    }
    for (NodeTemplate n : t.nodeTemplates().values()) {
      for (RequirementAssignment r : n.requirements()) {
        if (r.node() == null || !t.nodeTemplates().containsKey(r.node())) {
          continue;
        }
        String step = n.name() + (hostedOn(n, r, types) ? ".create" : ".configure");
        after.get(step).add(r.node() + ".start");
      }
    }
    Map<String, Integer> wave = new HashMap<>();
    for (String s : after.keySet()) {
      wave(s, after, wave, 0);
    }
    List<Step> steps = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : after.entrySet()) {
      int dot = e.getKey().lastIndexOf('.');
      steps.add(new Step(e.getKey().substring(0, dot), Step.Operation.valueOf(
          e.getKey().substring(dot + 1).toUpperCase(java.util.Locale.ROOT)),
          wave.get(e.getKey()), e.getValue()));
    }
    steps.sort(java.util.Comparator.comparingInt(Step::wave));
    return steps;
  }

  private static int wave(String step, Map<String, List<String>> after,
      Map<String, Integer> wave, int depth) {
    Integer known = wave.get(step);
    if (known != null) {
      return known;
    }
    int w = 1;
    if (depth <= after.size()) { // requirement cycles are rejected before planning
      for (String dep : after.get(step)) {
        w = Math.max(w, wave(dep, after, wave, depth + 1) + 1);
      }
    }
    wave.put(step, w);
    return w;
  }
}
