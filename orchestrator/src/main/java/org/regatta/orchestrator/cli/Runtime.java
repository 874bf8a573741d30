package org.regatta.orchestrator.cli;

import java.time.Clock;
import org.regatta.orchestrator.deploy.Workspace;
import org.regatta.orchestrator.state.DeploymentStore;
import org.regatta.orchestrator.state.JdbcDeploymentStore;
import org.regatta.orchestrator.state.StoreException;

/** What the state commands share: the workspace and the state store. */
final class Runtime implements AutoCloseable {

  final Workspace workspace;
  final DeploymentStore store;
  final Clock clock = Clock.systemUTC();

  private Runtime(Workspace workspace, DeploymentStore store) {
    this.workspace = workspace;
    this.store = store;
  }

  static Runtime open(StateOptions o) throws StoreException {
    Workspace ws = Workspace.defaultLocation();
    String url = o.db != null ? o.db : System.getenv("REGATTA_DB");
    if (url == null || url.isBlank()) {
      url = JdbcDeploymentStore.h2Url(ws.stateDir());
    }
    return new Runtime(ws, JdbcDeploymentStore.open(url, Clock.systemUTC()));
  }

  private org.regatta.provisioner.cloud.Cloud cloud;
  private org.regatta.provisioner.cloud.CloudConfig cloudConfig;

  /** The cloud's configuration: the named entry of the clouds file, or the local default. */
  org.regatta.provisioner.cloud.CloudConfig cloudConfig(StateOptions o) {
    if (cloudConfig == null) {
      cloudConfig = Clouds.config(o);
    }
    return cloudConfig;
  }

  String cloudName(StateOptions o) {
    return cloudConfig(o).name();
  }

  /** An engine for one deployment: the cloud, SSH with the deployment's keys, the roles. */
  org.regatta.orchestrator.deploy.Engine engine(StateOptions o, String deploymentId,
      org.regatta.orchestrator.deploy.Progress progress) throws java.io.IOException {
    if (cloud == null) {
      try {
        cloud = org.regatta.provisioner.cloud.Clouds.open(cloudConfig(o));
      } catch (org.regatta.provisioner.cloud.CloudException e) {
        throw new DeploymentRef.Failure(e.getMessage());
      }
    }
    return new org.regatta.orchestrator.deploy.Engine(store, cloud,
        new org.regatta.orchestrator.deploy.SshAccess(workspace, deploymentId,
            cloudConfig(o).loginUser(), cloud),
        org.regatta.orchestrator.deploy.NodeRoles.distribution(), workspace, progress, clock);
  }

  @Override
  public void close() {
    if (cloud != null) {
      cloud.close();
    }
    store.close();
  }
}
