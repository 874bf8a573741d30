package org.regatta.tosca.model;

import java.util.Map;
import org.regatta.tosca.yaml.Mark;

/** An interface operation: its implementation artifact (may be empty) and inputs. */
public record Operation(String name, String implementation, Map<String, Value> inputs, Mark mark) {
  public Operation {
    inputs = Ordered.copy(inputs);
  }
}
