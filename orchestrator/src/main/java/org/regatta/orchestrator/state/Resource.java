package org.regatta.orchestrator.state;

import java.time.Instant;

/**
 * One cloud node of a deployment: recorded (INITIAL) before the cloud is asked for it, so that a
 * crash can never leak a machine; {@code cloudId} is filled in once the cloud answers.
 * {@code name} is unique in the deployment: {@code <node template>-<index>}.
 */
public record Resource(String deploymentId, String name, String node, int index, String cloudId,
    NodeState state, String privateAddress, String publicAddress, String lastStep,
    Instant updated) {

  public static String name(String node, int index) {
    return node + "-" + index;
  }

  public Resource with(NodeState s, String step, Instant now) {
    return new Resource(deploymentId, name, node, index, cloudId, s, privateAddress,
        publicAddress, step, now);
  }

  public Resource withCloud(String id, String privateAddr, String publicAddr, Instant now) {
    return new Resource(deploymentId, name, node, index, id, state, privateAddr, publicAddr,
        lastStep, now);
  }
}
