package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** Property and attribute values a node template gives one of its capabilities. */
public record CapabilityAssignment(String name, Map<String, Value> properties,
    Map<String, Value> attributes, Mark mark) {
  public CapabilityAssignment {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }
}
