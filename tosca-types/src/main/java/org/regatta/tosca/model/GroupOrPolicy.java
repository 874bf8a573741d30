package org.regatta.tosca.model;

import java.util.List;
import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** A group (members) or policy (targets) of the topology; both name nodes of the topology. */
public record GroupOrPolicy(String name, String type, Map<String, Value> properties,
    List<String> members, Mark mark) {
  public GroupOrPolicy {
    properties = Ordered.copy(properties);
    members = List.copyOf(members);
  }
}
