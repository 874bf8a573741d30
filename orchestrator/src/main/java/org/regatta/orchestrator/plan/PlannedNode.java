package org.regatta.orchestrator.plan;

import java.util.List;
import org.regatta.tosca.model.NodeTemplate;

/** A node template in the plan: how many instances, on which host, and the roles that run it. */
public record PlannedNode(NodeTemplate template, boolean compute, String hostNode,
    List<NodeInstance> instances, List<String> roles) {
  public PlannedNode {
    instances = List.copyOf(instances);
    roles = List.copyOf(roles);
  }

  public String name() {
    return template.name();
  }
}
