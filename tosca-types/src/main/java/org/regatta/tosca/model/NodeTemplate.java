package org.regatta.tosca.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** A node template of the topology. Property values may still hold function calls. */
public record NodeTemplate(String name, String type, String description,
    Map<String, Value> properties, Map<String, Value> attributes,
    Map<String, CapabilityAssignment> capabilities, List<RequirementAssignment> requirements,
    Map<String, InterfaceDef> interfaces, Map<String, ArtifactDef> artifacts,
    List<String> directives, Mark mark) {

  public NodeTemplate {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    capabilities = Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
    requirements = List.copyOf(requirements);
    interfaces = Map.copyOf(interfaces);
    artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
    directives = List.copyOf(directives);
  }

  public NodeTemplate withValues(Map<String, Value> props,
      Map<String, CapabilityAssignment> caps, Map<String, ArtifactDef> arts) {
    return new NodeTemplate(name, type, description, props, attributes, caps, requirements,
        interfaces, arts, directives, mark);
  }
}
