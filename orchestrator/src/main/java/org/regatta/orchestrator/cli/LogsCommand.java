package org.regatta.orchestrator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.Resource;
import org.regatta.orchestrator.state.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orchestrator logs ID [--node N] [-f]}: what the roles printed on each node. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Show the per-node logs of a deployment.")
final class LogsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID", description = "deployment id or name")
  String ref;

  @Option(names = "--node", paramLabel = "NODE", description = "only this node")
  String node;

  @Option(names = {"-f", "--follow"}, description = "keep printing what is appended")
  boolean follow;

  @Mixin
  StateOptions state = new StateOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws StoreException, IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (Runtime rt = Runtime.open(state)) {
      Deployment d = DeploymentRef.find(rt, ref);
      List<String> names = new ArrayList<>();
      for (Resource r : rt.store.resources(d.id())) {
        names.add(r.name());
      }
      if (node != null && !names.contains(node)) {
        throw new DeploymentRef.Failure("deployment " + d.id() + " has no node '" + node
            + "' (it has: " + String.join(", ", names) + ")");
      }
      List<String> shown = node != null ? List.of(node) : names;
      long[] offsets = new long[shown.size()];
      do {
        for (int i = 0; i < shown.size(); i++) {
          Path p = rt.workspace.log(d.id(), shown.get(i));
          if (!Files.isRegularFile(p)) {
            continue;
          }
          try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            if (f.length() <= offsets[i]) {
              continue;
            }
            f.seek(offsets[i]);
            byte[] b = new byte[(int) (f.length() - offsets[i])];
            f.readFully(b);
            offsets[i] = f.length();
            for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
              out.println(shown.size() > 1 ? shown.get(i) + " | " + line : line);
            }
          }
        }
        out.flush();
        if (follow) {
          Thread.sleep(500);
          if (rt.store.get(d.id()).map(x -> !x.status().inProgress()).orElse(true)) {
            follow = false; // one last pass already printed everything
          }
        }
      } while (follow);
      return Main.OK;
    }
  }
}
