package org.regatta.tosca.load;

import java.util.List;
import java.util.Map;
import org.regatta.tosca.Problem;
import org.regatta.tosca.model.ServiceTemplate;
import org.regatta.tosca.model.TopologyTemplate;
import org.regatta.tosca.model.Value;

/**
 * What a load produced: the main template as written, the visible types, the inputs' values and
 * the resolved topology (null when the template has none), and every problem found.
 */
public record LoadResult(ServiceTemplate template, TypeRegistry types, Map<String, Value> inputs,
    TopologyTemplate topology, List<Problem> problems) {

  public boolean ok() {
    return problems.stream().noneMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
