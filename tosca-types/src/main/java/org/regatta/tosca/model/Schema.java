package org.regatta.tosca.model;

import java.util.List;

/** A type reference with its constraints and, for list and map, the schema of the entries. */
public record Schema(String type, List<Constraint> constraints, Schema entrySchema) {
  public Schema {
    constraints = List.copyOf(constraints);
  }

  public static Schema of(String type) {
    return new Schema(type, List.of(), null);
  }
}
