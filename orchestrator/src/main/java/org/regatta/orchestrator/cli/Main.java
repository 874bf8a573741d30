package org.regatta.orchestrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orchestrator}: exit 0 ok, 1 failure, 2 usage error. */
@Command(name = "orchestrator", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Regatta: deploy highly available, elastic compute clusters from TOSCA "
        + "templates.",
    subcommands = {ValidateCommand.class, PlanCommand.class,
        DeployCommand.class, ListCommand.class, StatusCommand.class, OutputsCommand.class,
        LogsCommand.class, ScaleCommand.class, UndeployCommand.class, ResumeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE
        : FAILED);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // expected failures are one sentence; only the unexpected is an internal error
      if (e instanceof DeploymentRef.Failure
          || e instanceof org.regatta.orchestrator.state.StoreException) {
        err.println("orchestrator: " + e.getMessage());
        return FAILED;
      }
      if (e instanceof org.regatta.orchestrator.deploy.DeployException d) {
        err.println("orchestrator: deployment " + d.deploymentId() + " failed: "
            + d.getMessage());
        return FAILED;
      }
      // no stack trace reaches the user; REGATTA_DEBUG=1 shows it
      err.println("orchestrator: internal error: " + e);
      if (System.getenv("REGATTA_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return FAILED;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("orchestrator: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream(
          "/org/regatta/orchestrator/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"orchestrator (Regatta) " + p.getProperty("version", "unknown")};
    }
  }
}
