package org.regatta.tosca.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The topology: inputs, node and relationship templates, groups, policies and outputs. */
public record TopologyTemplate(String description, Map<String, PropertyDef> inputs,
    Map<String, NodeTemplate> nodeTemplates, Map<String, RelationshipTemplate> relationships,
    List<GroupOrPolicy> groups, List<GroupOrPolicy> policies, Map<String, Output> outputs) {

  public TopologyTemplate {
    inputs = Ordered.copy(inputs);
    nodeTemplates = Ordered.copy(nodeTemplates);
    relationships = Ordered.copy(relationships);
    groups = List.copyOf(groups);
    policies = List.copyOf(policies);
    outputs = Ordered.copy(outputs);
  }

  public static TopologyTemplate empty() {
    return new TopologyTemplate(null, Map.of(), Map.of(), Map.of(), List.of(), List.of(),
        Map.of());
  }
}
