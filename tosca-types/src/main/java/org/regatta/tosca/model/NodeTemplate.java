package org.regatta.tosca.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/**
 * A node template of the topology. Property values may still hold function calls. {@code mark}
 * is where its name is written, {@code typeMark} where its type is.
 */
public record NodeTemplate(String name, String type, String description,
    Map<String, Value> properties, Map<String, Value> attributes,
    Map<String, CapabilityAssignment> capabilities, List<RequirementAssignment> requirements,
    Map<String, InterfaceDef> interfaces, Map<String, ArtifactDef> artifacts,
    List<String> directives, Mark mark, Mark typeMark) {

  public NodeTemplate {
    properties = Ordered.copy(properties);
    attributes = Ordered.copy(attributes);
    capabilities = Ordered.copy(capabilities);
    requirements = List.copyOf(requirements);
    interfaces = Ordered.copy(interfaces);
    artifacts = Ordered.copy(artifacts);
    directives = List.copyOf(directives);
  }

  public NodeTemplate withValues(Map<String, Value> props,
      Map<String, CapabilityAssignment> caps, Map<String, ArtifactDef> arts) {
    return new NodeTemplate(name, type, description, props, attributes, caps, requirements,
        interfaces, arts, directives, mark, typeMark);
  }
}
