package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orchestrator scale ID NODE COUNT [--remove n1,n2]}. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Add or remove instances of a scalable node (e.g. the agents).")
final class ScaleCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID", description = "deployment id or name")
  String ref;

  @Parameters(index = "1", paramLabel = "NODE",
      description = "a compute node template, or a node hosted on one")
  String node;

  @Parameters(index = "2", paramLabel = "COUNT", description = "the number of instances wanted")
  int count;

  @Option(names = "--remove", split = ",", paramLabel = "NAME",
      description = "which instances go first when shrinking (e.g. mesos_slave_server-0)")
  List<String> removal = new ArrayList<>();

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
      var plan = ResumeCommand.Stored.plan(d, spec.commandLine());
      rt.engine(state, d.id(), run.progress(pw, rt.clock))
          .scale(d.id(), plan, node, count, removal, d.inputs(), run.options(d.name()));
      run.result(rt, d.id(), pw);
      return Main.OK;
    }
  }
}
