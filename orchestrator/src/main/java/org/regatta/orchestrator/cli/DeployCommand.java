package org.regatta.orchestrator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.regatta.orchestrator.deploy.DeployException;
import org.regatta.orchestrator.deploy.DeployOptions;
import org.regatta.orchestrator.deploy.Engine;
import org.regatta.orchestrator.deploy.Secrets;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.Planner;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.tosca.Problem;
import org.regatta.tosca.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code orchestrator deploy FILE}: create the nodes, run the roles, print the outputs. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploy a TOSCA template (the local Docker cloud unless --cloud is given).")
final class DeployCommand implements Callable<Integer> {

  @Mixin
  TemplateOptions template = new TemplateOptions();

  @Mixin
  StateOptions state = new StateOptions();

  @Mixin
  RunOptions run = new RunOptions();

  @Option(names = "--name", paramLabel = "NAME", description = "a name for the deployment")
  String name;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadResult first = template.load(spec.commandLine());
    if (!first.ok() || first.topology() == null) {
      Report.problems(first.problems(), err);
      err.println(template.file + ": cannot deploy: " + (first.topology() == null && first.ok()
          ? "no topology_template" : first.errors().size() + " error(s)"));
      return Main.FAILED;
    }
    Map<String, String> inputs = Secrets.forNewDeployment(first.inputs());
    LoadResult r = template.reload(spec.commandLine(), Secrets.templateInputs(inputs));
    List<Problem> problems = new ArrayList<>(r.problems());
    problems.addAll(Planner.unimplemented(r));
    if (problems.stream().anyMatch(Problem::isError)) {
      Report.problems(problems, err);
      return Main.FAILED;
    }
    Report.problems(problems, err);
    Plan plan = Planner.plan(r);
    String id = UUID.randomUUID().toString();
    String deploymentName = name != null ? name
        : template.file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    try (Runtime rt = Runtime.open(state)) {
      Engine engine = rt.engine(state, id, run.progress(out, rt.clock));
      engine.record(id, deploymentName, plan, template.file.toAbsolutePath().toString(),
          Files.readString(template.file), inputs);
      (run.json() ? err : out).println("deployment " + id + " (" + deploymentName
          + "): CREATE_IN_PROGRESS on " + rt.cloudName(state) + "; status: orchestrator status "
          + id);
      (run.json() ? err : out).flush();
      try {
        engine.converge(id, plan, inputs, run.options(deploymentName));
        run.result(rt, id, out);
        return Main.OK;
      } catch (DeployException e) {
        err.println("orchestrator: deployment " + id + " failed: " + e.getMessage());
        if (run.json()) {
          run.result(rt, id, out);
        }
        return Main.FAILED;
      }
    } catch (IOException e) {
      err.println("orchestrator: " + e.getMessage());
      return Main.FAILED;
    }
  }

  /** Options of commands that create or change nodes. */
  static final class RunOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
        description = "give up after this long, e.g. 30m, 90s (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--keep-failed", description = "keep the nodes of a failed deployment")
    boolean keepFailed;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
        description = "text or json: the deployment with its nodes and outputs at the end"
            + " (default: ${DEFAULT-VALUE})")
    String output = "text";

    @Option(names = "--parallelism", defaultValue = "8", paramLabel = "N",
        description = "node operations run at once (default: ${DEFAULT-VALUE})")
    int parallelism;

    DeployOptions options(String name) {
      return new DeployOptions(name, duration(timeout), keepFailed, parallelism,
          Duration.ofMinutes(3));
    }

    boolean json() {
      if (!output.equals("text") && !output.equals("json")) {
        throw new DeploymentRef.Failure("-o must be text or json, not '" + output + "'");
      }
      return output.equals("json");
    }

    org.regatta.orchestrator.deploy.Progress progress(PrintWriter out, java.time.Clock clock) {
      return quiet || json() ? org.regatta.orchestrator.deploy.Progress.QUIET
          : new ConsoleProgress(out, clock);
    }

    /** The result of a command that changed a deployment: its outputs, or all of it as JSON. */
    void result(Runtime rt, String id, PrintWriter out)
        throws org.regatta.orchestrator.state.StoreException {
      Deployment d = rt.store.get(id).orElseThrow();
      if (json()) {
        out.println(Json.write(Json.deployment(d, rt.store.resources(id))));
      } else {
        Report.outputs(d, out);
      }
    }

    static Duration duration(String text) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(h|m|s)?")
          .matcher(text.trim());
      if (!m.matches()) {
        throw new DeploymentRef.Failure("--timeout expects e.g. 30m, 90s or 1h, not '" + text
            + "'");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return unit.equals("h") ? Duration.ofHours(n) : unit.equals("m") ? Duration.ofMinutes(n)
          : Duration.ofSeconds(n);
    }
  }
}
