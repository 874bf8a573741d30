package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {

  static Path root() {
    return Path.of(System.getProperty("regatta.root", ".."));
  }

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(exit, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
