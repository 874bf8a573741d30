package org.regatta.provisioner.cloud;

import java.util.Map;

/**
 * What to create: {@code name} is unique within the deployment (e.g. {@code
 * mesos_master_server-0}); sizes come from TOSCA host capabilities and map to a flavour through
 * the cloud's template builder; {@code image} and {@code instanceType} are optional overrides.
 * {@code publicKey} is the deployment's OpenSSH public key (ed25519) to authorize for login.
 */
public record NodeSpec(String deploymentId, String name, int cpus, long memoryMb, String image,
    String instanceType, String publicKey, Map<String, String> labels) {
  public NodeSpec {
    labels = Map.copyOf(labels);
  }
}
