package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** Property and attribute values a node template gives one of its capabilities. */
public record CapabilityAssignment(String name, Map<String, Value> properties,
    Map<String, Value> attributes, Mark mark) {
  public CapabilityAssignment {
    properties = Ordered.copy(properties);
    attributes = Ordered.copy(attributes);
  }
}
