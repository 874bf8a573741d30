package org.regatta.tosca.model;

import java.util.List;
import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** A capability a node type offers, refining its capability type's properties. */
public record CapabilityDef(String name, String type, Map<String, PropertyDef> properties,
    Map<String, PropertyDef> attributes, List<String> validSourceTypes, Occurrences occurrences,
    Mark mark) {
  public CapabilityDef {
    properties = Ordered.copy(properties);
    attributes = Ordered.copy(attributes);
    validSourceTypes = List.copyOf(validSourceTypes);
  }
}
