package org.regatta.provisioner.ssh;

import java.time.Duration;

/** Waits; injected so that retry timing is tested with a fake clock instead of real sleeps. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
