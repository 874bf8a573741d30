package org.regatta.orchestrator.deploy;

/**
 * A deployment failed: which node, which step, why, and (when known) the last lines of its log
 * and the command that shows all of it.
 */
public final class DeployException extends Exception {

  private static final long serialVersionUID = 1L;
  private final String deploymentId;

  public DeployException(String deploymentId, String message) {
    super(message);
    this.deploymentId = deploymentId;
  }

  public String deploymentId() {
    return deploymentId;
  }
}
