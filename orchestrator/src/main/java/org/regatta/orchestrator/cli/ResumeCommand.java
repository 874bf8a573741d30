package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.DeploymentStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code orchestrator resume ID}: finish a deployment whose orchestrator died (or that failed
 * with --keep-failed): adopt the nodes the cloud has, create the missing ones, run the roles.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Continue a deployment whose orchestrator process died.")
final class ResumeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID", description = "deployment id or name")
  String ref;

  @Mixin
  StateOptions state = new StateOptions();

  @Mixin
  DeployCommand.RunOptions run = new DeployCommand.RunOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter pw = spec.commandLine().getOut();
    try (Runtime rt = Runtime.open(state)) {
      Deployment d = DeploymentRef.find(rt, ref);
      if (d.status() != DeploymentStatus.CREATE_IN_PROGRESS
          && d.status() != DeploymentStatus.CREATE_FAILED) {
        throw new DeploymentRef.Failure("deployment " + d.id() + " is " + d.status()
            + ": only a deployment being created (or failed with --keep-failed) resumes");
      }
      Plan plan = Stored.plan(d, spec.commandLine());
      rt.engine(state, d.id(), run.progress(pw, rt.clock))
          .converge(d.id(), plan, d.inputs(), run.options(d.name()));
      run.result(rt, d.id(), pw);
      return Main.OK;
    }
  }

  /** A stored deployment's plan: its template loaded again with its stored inputs. */
  static final class Stored {
    private Stored() {}

    static Plan plan(Deployment d, CommandLine cli) {
      TemplateOptions t = new TemplateOptions();
      t.file = Path.of(d.templateFile());
      var r = t.reload(cli, org.regatta.orchestrator.deploy.Secrets.templateInputs(d.inputs()));
      if (!r.ok() || r.topology() == null) {
        throw new DeploymentRef.Failure("the template of " + d.id() + " (" + d.templateFile()
            + ") no longer loads: " + r.errors().stream().findFirst().map(Object::toString)
                .orElse("no topology"));
      }
      return org.regatta.orchestrator.plan.Planner.plan(r);
    }
  }
}
