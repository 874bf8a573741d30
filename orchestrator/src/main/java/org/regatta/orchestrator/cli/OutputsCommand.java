package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code orchestrator outputs ID}: endpoints, addresses and generated secrets. */
@Command(name = "outputs", mixinStandardHelpOptions = true,
    description = "Show a deployment's outputs (endpoints, addresses, generated secrets).")
final class OutputsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID", description = "deployment id or name")
  String ref;

  @Mixin
  StateOptions state = new StateOptions();

  @Mixin
  OutputOptions out = new OutputOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws StoreException {
    boolean json = out.json(spec.commandLine());
    PrintWriter pw = spec.commandLine().getOut();
    try (Runtime rt = Runtime.open(state)) {
      Deployment d = DeploymentRef.find(rt, ref);
      if (json) {
        var o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        d.outputs().forEach(o::put);
        pw.println(Json.write(o));
      } else if (d.outputs().isEmpty()) {
        pw.println(d.id() + " has no outputs yet (" + d.status() + ")");
      } else {
        d.outputs().forEach((k, v) -> pw.println(k + " = " + v));
      }
      return Main.OK;
    }
  }
}
