package org.regatta.controlplane.api;

import java.util.Map;

/**
 * One {@code container.volumes} entry: a host path bind mount, a local persistent volume, an
 * external (Docker volume driver) volume, or, with none of those, a plain container path.
 */
public record Volume(
    String containerPath,
    String hostPath,
    VolumeMode mode,
    Persistent persistent,
    External external) {

  /** {@code persistent}: a local volume of {@code size} MiB reserved on the agent. */
  public record Persistent(Long size, String type, Long maxSize) {}

  /** {@code external}: a volume of a Docker volume driver such as REX-Ray ({@code dvdi}). */
  public record External(String name, String provider, Map<String, String> options, Long size) {
    public External {
      options = Copies.map(options);
    }
  }

  /** Whether tasks using it stay on one agent (the upgrade strategy then defaults to 0.5/0). */
  boolean isResident() {
    return persistent != null || external != null;
  }

  Volume withDefaults() {
    External ext = external;
    if (ext != null && ext.options() == null) {
      ext = new External(ext.name(), ext.provider(), Map.of(), ext.size());
    }
    VolumeMode m = mode == null ? VolumeMode.RW : mode;
    return new Volume(containerPath, hostPath, m, persistent, ext);
  }
}
