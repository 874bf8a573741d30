package org.regatta.orchestrator.cli;

import picocli.CommandLine.Option;

/** Where deployments are kept, and which cloud to use. */
final class StateOptions {

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "state database (default: an H2 file under $REGATTA_HOME or "
          + "~/.local/share/regatta; PostgreSQL: jdbc:postgresql://host/db?user=…&password=…;"
          + " also $REGATTA_DB)")
  String db;

  @Option(names = "--cloud", paramLabel = "NAME",
      description = "a cloud of the clouds file (default: local, the Docker engine on this "
          + "machine)")
  String cloud;

  @Option(names = "--clouds-file", paramLabel = "FILE",
      description = "cloud credentials and defaults (default: ~/.config/regatta/clouds.yaml;"
          + " see docs/clouds.md)")
  java.nio.file.Path cloudsFile;

}
