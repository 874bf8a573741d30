package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.Resource;
import org.regatta.orchestrator.state.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code orchestrator status ID}: the deployment and, per node, state, address, last step. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show a deployment's status and its nodes.")
final class StatusCommand implements Callable<Integer> {

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
      List<Resource> nodes = rt.store.resources(d.id());
      if (json) {
        pw.println(Json.write(Json.deployment(d, nodes)));
        return Main.OK;
      }
      pw.println(d.id() + "  " + d.name() + "  " + d.status()
          + (d.statusReason() != null ? "  (" + d.statusReason() + ")" : ""));
      pw.println("template: " + d.templateFile() + "   cloud: " + d.cloud());
      pw.printf("%-28s  %-12s  %-16s  %s%n", "NODE", "STATE", "ADDRESS", "LAST STEP");
      for (Resource r : nodes) {
        pw.printf("%-28s  %-12s  %-16s  %s%n", r.name(), r.state(),
            r.privateAddress() == null ? "-" : r.privateAddress(),
            r.lastStep() == null ? "" : r.lastStep());
      }
      return Main.OK;
    }
  }
}
