package org.regatta.orchestrator.deploy;

/** Live progress of long work, one event per node step; a quiet implementation prints nothing. */
public interface Progress {

  /** {@code node} started {@code step}. */
  void step(String node, String step);

  /** {@code node} finished its work (ok or not) with a short note. */
  void done(String node, boolean ok, String note);

  /** A line about the deployment as a whole. */
  void info(String line);

  Progress QUIET = new Progress() {
    @Override
    public void step(String node, String step) {}

    @Override
    public void done(String node, boolean ok, String note) {}

    @Override
    public void info(String line) {}
  };
}
