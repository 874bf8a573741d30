package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/** {@code container.type}: Docker's engine, or the Mesos containerizer (image or not). */
public enum ContainerType {
  DOCKER,
  MESOS;

  @JsonCreator
  static ContainerType fromJson(String name) {
    for (ContainerType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(name + " is not a valid container type");
  }
}
