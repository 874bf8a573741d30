package org.regatta.tosca.model;

import java.util.List;
import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/**
 * A type of any kind. Sections a kind does not have stay empty: node types use capabilities and
 * requirements, data types properties and constraints, interface types operations, and so on.
 */
public record TypeDefinition(TypeKind kind, String name, String derivedFrom, String description,
    Map<String, PropertyDef> properties, Map<String, PropertyDef> attributes,
    Map<String, CapabilityDef> capabilities, List<RequirementDef> requirements,
    Map<String, InterfaceDef> interfaces, Map<String, ArtifactDef> artifacts,
    Map<String, Operation> operations, List<Constraint> constraints, Schema entrySchema,
    List<String> validSourceTypes, List<String> validTargetTypes, List<String> targets,
    Mark mark) {

  public TypeDefinition {
    properties = Ordered.copy(properties);
    attributes = Ordered.copy(attributes);
    capabilities = Ordered.copy(capabilities);
    requirements = List.copyOf(requirements);
    interfaces = Ordered.copy(interfaces);
    artifacts = Ordered.copy(artifacts);
    operations = Ordered.copy(operations);
    constraints = List.copyOf(constraints);
    validSourceTypes = List.copyOf(validSourceTypes);
    validTargetTypes = List.copyOf(validTargetTypes);
    targets = List.copyOf(targets);
  }

  public RequirementDef requirement(String reqName) {
    return requirements.stream().filter(r -> r.name().equals(reqName)).findFirst().orElse(null);
  }
}
