package org.regatta.provisioner.cloud;

import java.util.Map;

/** A machine as the cloud reports it; addresses may be empty while it boots. */
public record CloudNode(String id, String name, String deploymentId, String privateAddress,
    String publicAddress, int sshPort, String loginUser, State state, Map<String, String> labels) {

  public enum State { PENDING, RUNNING, STOPPED, TERMINATED, ERROR, UNKNOWN }

  public CloudNode {
    labels = Map.copyOf(labels);
  }
}
