package org.regatta.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code orchestrator list}: every deployment with its status. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List deployments.")
final class ListCommand implements Callable<Integer> {

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
      List<Deployment> all = rt.store.list();
      if (json) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Deployment d : all) {
          a.add(Json.deployment(d, rt.store.resources(d.id())));
        }
        pw.println(Json.write(a));
        return Main.OK;
      }
      if (all.isEmpty()) {
        pw.println("no deployments");
        return Main.OK;
      }
      pw.printf("%-36s  %-20s  %-18s  %5s  %s%n", "ID", "NAME", "STATUS", "NODES", "CREATED");
      for (Deployment d : all) {
        long nodes = rt.store.resources(d.id()).stream()
            .filter(r -> r.state() != org.regatta.orchestrator.state.NodeState.DELETED).count();
        pw.printf("%-36s  %-20s  %-18s  %5d  %s%n", d.id(), d.name(), d.status(), nodes,
            d.created());
      }
      return Main.OK;
    }
  }
}
