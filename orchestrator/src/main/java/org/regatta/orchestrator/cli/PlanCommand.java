package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.Planner;
import org.regatta.tosca.Problem;
import org.regatta.tosca.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code orchestrator plan FILE}: the resolved topology and the order of node operations. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show what a deployment of the template would create, in which order.")
final class PlanCommand implements Callable<Integer> {

  @Mixin
  TemplateOptions options = new TemplateOptions();

  @Mixin
  OutputOptions out = new OutputOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    boolean json = out.json(spec.commandLine());
    LoadResult r = options.load(spec.commandLine());
    PrintWriter pw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Problem> problems = new ArrayList<>(r.problems());
    if (r.ok() && r.topology() == null) {
      problems.add(new Problem(Problem.Severity.ERROR, null, "", options.file
          + " has no topology_template: nothing to plan"));
    } else if (r.ok()) {
      problems.addAll(Planner.unimplemented(r));
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      Report.problems(problems, err);
      err.println(options.file + ": cannot plan: "
          + problems.stream().filter(Problem::isError).count() + " error(s)");
      return Main.FAILED;
    }
    Report.problems(problems, err);
    Plan plan = Planner.plan(r);
    if (json) {
      pw.println(Json.write(Json.plan(plan)));
    } else {
      Report.plan(plan, pw);
    }
    return Main.OK;
  }
}
