package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A volume's access mode: read-only or read-write. */
public enum VolumeMode {
  RO,
  RW;

  @JsonCreator
  static VolumeMode fromJson(String name) {
    for (VolumeMode m : values()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(name + " is not a valid mode");
  }
}
