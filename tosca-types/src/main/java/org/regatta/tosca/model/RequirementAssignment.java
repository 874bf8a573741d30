package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/**
 * A requirement of a node template, short ({@code host: server}) or long form. {@code relationship}
 * is a relationship type or template name; an inline relationship brings its own properties and
 * interfaces.
 */
public record RequirementAssignment(String name, String node, String capability,
    String relationship, Map<String, Value> relationshipProperties,
    Map<String, InterfaceDef> relationshipInterfaces, Mark mark) {
  public RequirementAssignment {
    relationshipProperties = Ordered.copy(relationshipProperties);
    relationshipInterfaces = Ordered.copy(relationshipInterfaces);
  }
}
