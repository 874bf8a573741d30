package org.regatta.orchestrator.plan;

import java.util.List;
import java.util.Map;
import org.regatta.tosca.model.Output;
import org.regatta.tosca.model.Value;

/** The resolved topology as node instances and the ordered node operations to deploy it. */
public record Plan(String file, Map<String, Value> inputs, List<PlannedNode> nodes,
    List<Step> steps, Map<String, Output> outputs) {

  public Plan {
    inputs = org.regatta.tosca.model.Ordered.copy(inputs);
    nodes = List.copyOf(nodes);
    steps = List.copyOf(steps);
    outputs = org.regatta.tosca.model.Ordered.copy(outputs);
  }

  /** Compute instances (VMs) per compute node template, in template order. */
  public Map<String, Integer> computeInstances() {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    nodes.stream().filter(PlannedNode::compute)
        .forEach(n -> out.put(n.name(), n.instances().size()));
    return out;
  }
}
