package org.regatta.orchestrator.deploy;

import java.time.Duration;

/** How to deploy: a name, the overall timeout, whether to keep nodes on failure, parallelism. */
public record DeployOptions(String name, Duration timeout, boolean keepFailed, int parallelism,
    Duration bootTimeout) {

  public static DeployOptions defaults() {
    return new DeployOptions(null, Duration.ofMinutes(30), false, 8, Duration.ofMinutes(3));
  }
}
