package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/**
 * A property, attribute, input or parameter definition. {@code metadata.generate: secret} on an
 * input asks for a secret generated once per deployment when the user gives none.
 */
public record PropertyDef(String name, Schema schema, boolean required, Value defaultValue,
    String description, String status, Map<String, String> metadata, Mark mark) {

  public PropertyDef {
    metadata = Ordered.copy(metadata);
  }

  public String type() {
    return schema.type();
  }

  public boolean generatedSecret() {
    return "secret".equals(metadata.get("generate"));
  }

  /** The same definition under a derived type's refinement: the child's fields win where given. */
  public PropertyDef withSchema(Schema s) {
    return new PropertyDef(name, s, required, defaultValue, description, status, metadata, mark);
  }
}
