package org.regatta.orchestrator.state;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class H2DeploymentStoreTest extends DeploymentStoreContract {

  @TempDir
  Path dir;

  @Override
  DeploymentStore store() throws StoreException {
    return JdbcDeploymentStore.open(JdbcDeploymentStore.h2Url(dir), Clock.systemUTC());
  }
}
