package org.regatta.orchestrator.cli;

import org.regatta.provisioner.cloud.CloudConfig;
import org.regatta.provisioner.cloud.CloudConfigs;
import org.regatta.provisioner.cloud.CloudException;

/** Which cloud a command uses: --cloud NAME from the clouds file, else its default, else local. */
final class Clouds {

  private Clouds() {}

  static CloudConfig config(StateOptions o) {
    try {
      CloudConfigs configs = o.cloudsFile != null ? CloudConfigs.load(o.cloudsFile)
          : CloudConfigs.loadDefault();
      return o.cloud == null ? configs.defaultCloud() : configs.get(o.cloud);
    } catch (CloudException e) {
      throw new DeploymentRef.Failure(e.getMessage());
    }
  }
}
