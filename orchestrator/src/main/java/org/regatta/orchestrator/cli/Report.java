package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.plan.Step;
import org.regatta.tosca.Problem;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.Value;

/** Human-readable output of the template commands. */
final class Report {

  private Report() {}

  static void problems(List<Problem> problems, PrintWriter err) {
    problems.forEach(err::println);
  }

  static String summary(String file, LoadResult r) {
    long errors = r.errors().size();
    long warnings = r.warnings().size();
    String counts = r.topology() == null ? "types only"
        : r.topology().nodeTemplates().size() + " node templates, "
            + r.topology().inputs().size() + " inputs";
    if (errors > 0) {
      return file + ": invalid: " + errors + " error(s)"
          + (warnings > 0 ? ", " + warnings + " warning(s)" : "");
    }
    return file + ": valid (" + counts + (warnings > 0 ? ", " + warnings + " warning(s)" : "")
        + ")";
  }

  static void plan(Plan plan, PrintWriter out) {
    Map<String, Integer> computes = plan.computeInstances();
    out.println("Plan for " + plan.file());
    if (!plan.inputs().isEmpty()) {
      out.println();
      out.println("Inputs:");
      plan.inputs().forEach((k, v) -> out.println("  " + k + " = " + show(v)));
    }
    out.println();
    out.println("Nodes: " + computes.values().stream().mapToInt(Integer::intValue).sum()
        + " compute instances (" + computes.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    for (PlannedNode n : plan.nodes()) {
      out.println("  " + n.name() + " × " + n.instances().size() + "  (" + n.template().type()
          + (n.hostNode() != null ? ", on " + n.hostNode() : "") + "; roles: "
          + String.join(", ", n.roles()) + ")");
      n.template().properties().forEach((k, v) -> out.println("      " + k + ": " + show(v)));
      for (CapabilityAssignment c : n.template().capabilities().values()) {
        c.properties().forEach((k, v) -> out.println("      " + c.name() + "." + k + ": "
            + show(v)));
      }
    }
    out.println();
    out.println("Operations (steps of one wave run in parallel):");
    int wave = 0;
    for (Step s : plan.steps()) {
      if (s.wave() != wave) {
        wave = s.wave();
        out.println("  wave " + wave + ":");
      }
      out.println("    " + s.id() + (s.after().isEmpty() ? ""
          : "   (after " + String.join(", ", s.after()) + ")"));
    }
    if (!plan.outputs().isEmpty()) {
      out.println();
      out.println("Outputs:");
      plan.outputs().forEach((k, v) -> out.println("  " + k + " = " + show(v.value())));
    }
  }

  /** A value, with deferred parts marked as known only at deploy time. */
  static String show(Value v) {
    if (v instanceof Value.Generated g) {
      return "<secret, generated at deploy>";
    }
    String text = Value.display(v);
    return Value.isDeferred(v) ? text + "  (known at deploy)" : text;
  }

  static void outputs(org.regatta.orchestrator.state.Deployment d, PrintWriter out) {
    out.println();
    out.println(d.id() + "  " + d.name() + "  " + d.status());
    if (!d.outputs().isEmpty()) {
      out.println("Outputs:");
      d.outputs().forEach((k, v) -> out.println("  " + k + " = " + v));
    }
  }
}
