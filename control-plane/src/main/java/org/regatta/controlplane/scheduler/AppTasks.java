package org.regatta.controlplane.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tasks of one app (running, then placed this round) as constraints see them: the agent of
 * each, and counts per constrained field, built on first use and kept up to date.
 */
final class AppTasks {

  private final List<AgentSlot> hosts = new ArrayList<>();
  private final Map<String, FieldCounts> fields = new HashMap<>();
  private final Map<List<Constraint>, ConstraintCheck[]> checks = new HashMap<>();

  int size() {
    return hosts.size();
  }

  void add(AgentSlot slot) {
    hosts.add(slot);
    fields.forEach((field, counts) -> counts.add(slot.value(field)));
  }

  FieldCounts counts(String field) {
    return fields.computeIfAbsent(field, f -> {
      FieldCounts counts = new FieldCounts();
      for (AgentSlot slot : hosts) {
        counts.add(slot.value(f));
      }
      return counts;
    });
  }

  ConstraintCheck[] checks(List<Constraint> constraints,
      Function<Constraint, ConstraintCheck> compile) {
    ConstraintCheck[] found = checks.get(constraints);
    if (found == null) {
      found = constraints.stream().map(compile).toArray(ConstraintCheck[]::new);
      checks.put(constraints, found);
    }
    return found;
  }
}
