package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import org.regatta.orchestrator.deploy.Progress;

/** One line per node event, with the time since the command started. */
final class ConsoleProgress implements Progress {

  private final PrintWriter out;
  private final Clock clock;
  private final long start;

  ConsoleProgress(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.start = clock.millis();
  }

  private String at() {
    return String.format(Locale.ROOT, "%7.1fs", (clock.millis() - start) / 1000.0);
  }

  @Override
  public synchronized void step(String node, String step) {
    out.printf("%s  %-28s  %s%n", at(), node, step);
    out.flush();
  }

  @Override
  public synchronized void done(String node, boolean ok, String note) {
    out.printf("%s  %-28s  %s %s%n", at(), node, ok ? "ok:" : "FAILED:", note);
    out.flush();
  }

  @Override
  public synchronized void info(String line) {
    out.printf("%s  %s%n", at(), line);
    out.flush();
  }
}
