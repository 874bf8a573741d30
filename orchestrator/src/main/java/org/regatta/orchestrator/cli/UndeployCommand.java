package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code orchestrator undeploy ID}: destroy every node of the deployment. */
@Command(name = "undeploy", mixinStandardHelpOptions = true,
    description = "Destroy every node of a deployment.")
final class UndeployCommand implements Callable<Integer> {

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
      rt.engine(state, d.id(), run.progress(pw, rt.clock)).undeploy(d.id());
      if (run.json()) {
        run.result(rt, d.id(), pw);
      } else {
        pw.println(d.id() + "  " + d.name() + "  DELETE_COMPLETE");
      }
      return Main.OK;
    }
  }
}
