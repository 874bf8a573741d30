package org.regatta.provisioner.cloud;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of cloud Regatta can create machines on, by the id users write in clouds.yaml. */
public enum Provider {
  /** Docker containers on this machine, through the jclouds docker api (the default). */
  LOCAL("local", "docker", false, "http://127.0.0.1:2375"),
  OPENSTACK_NOVA("openstack-nova", "openstack-nova", true, null),
  AWS_EC2("aws-ec2", "aws-ec2", true, null),
  GOOGLE_COMPUTE_ENGINE("google-compute-engine", "google-compute-engine", true, null),
  AZURECOMPUTE_ARM("azurecompute-arm", "azurecompute-arm", true, null),
  /** Existing hosts from a node list; destroy releases them, never powers them off. */
  BYON("byon", null, false, null);

  private final String id;
  private final String jcloudsId;
  private final boolean needsCredentials;
  private final String defaultEndpoint;

  Provider(String id, String jcloudsId, boolean needsCredentials, String defaultEndpoint) {
    this.id = id;
    this.jcloudsId = jcloudsId;
    this.needsCredentials = needsCredentials;
    this.defaultEndpoint = defaultEndpoint;
  }

  public String id() {
    return id;
  }

  /** The jclouds provider or api id, null where jclouds is not used. */
  public String jcloudsId() {
    return jcloudsId;
  }

  public boolean needsCredentials() {
    return needsCredentials;
  }

  /** The endpoint used when the config names none; null where the jclouds default applies. */
  public String defaultEndpoint() {
    return defaultEndpoint;
  }

  public static Optional<Provider> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  public static String knownIds() {
    return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
  }
}
