package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** An interface on a type or template: its interface type and the operations it names. */
public record InterfaceDef(String name, String type, Map<String, Operation> operations,
    Map<String, Value> inputs, Mark mark) {
  public InterfaceDef {
    operations = Ordered.copy(operations);
    inputs = Ordered.copy(inputs);
  }
}
