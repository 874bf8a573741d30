package org.regatta.orchestrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -o text|json}, shared by every command that prints a result. */
final class OutputOptions {

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  String output = "text";

  boolean json(CommandLine cli) {
    if (!output.equals("text") && !output.equals("json")) {
      throw new CommandLine.ParameterException(cli, "-o must be text or json, not '" + output
          + "'");
    }
    return output.equals("json");
  }
}
