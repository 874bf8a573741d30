package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * {@code container.docker.network} (Marathon 1.4). BRIDGE and USER use port mappings; HOST uses
 * portDefinitions.
 */
public enum DockerNetwork {
  BRIDGE,
  HOST,
  NONE,
  USER;

  /** Whether this mode maps container ports (so port mappings, not port definitions, apply). */
  public boolean mapsPorts() {
    return this == BRIDGE || this == USER;
  }

  @JsonCreator
  static DockerNetwork fromJson(String name) {
    for (DockerNetwork n : values()) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new IllegalArgumentException(name + " is not a valid network type");
  }
}
