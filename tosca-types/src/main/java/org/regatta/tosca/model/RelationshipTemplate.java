package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** A named relationship template that requirements can refer to. */
public record RelationshipTemplate(String name, String type, Map<String, Value> properties,
    Map<String, InterfaceDef> interfaces, Mark mark) {
  public RelationshipTemplate {
    properties = Ordered.copy(properties);
    interfaces = Ordered.copy(interfaces);
  }
}
