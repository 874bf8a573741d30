package org.regatta.controlplane.api;

import java.util.List;

/** An app's {@code container}: which engine runs it, its Docker settings and its volumes. */
public record Container(ContainerType type, Docker docker, List<Volume> volumes) {

  public Container {
    volumes = Copies.list(volumes);
  }

  public static Container ofDocker(Docker docker) {
    return new Container(ContainerType.DOCKER, docker, null);
  }

  /** The port mappings that apply: Docker engine with BRIDGE or USER networking; else none. */
  public List<PortMapping> effectivePortMappings() {
    if (docker == null || docker.network() == null || !docker.network().mapsPorts()) {
      return List.of();
    }
    return Copies.orEmpty(docker.portMappings());
  }

  public Container withDocker(Docker newDocker) {
    return new Container(type, newDocker, volumes);
  }

  /** Marathon 1.4 reads a container without {@code type} as DOCKER. */
  Container withDefaults() {
    ContainerType t = type == null ? ContainerType.DOCKER : type;
    return new Container(
        t,
        docker == null ? null : docker.withDefaults(t),
        volumes == null ? List.of() : volumes.stream().map(Volume::withDefaults).toList());
  }
}
