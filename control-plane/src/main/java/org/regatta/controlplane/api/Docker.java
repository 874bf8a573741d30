package org.regatta.controlplane.api;

import java.util.List;

/**
 * {@code container.docker} in Marathon 1.4's shape: the image, and (for the Docker engine) the
 * network mode, port mappings, privileged flag and extra {@code docker run} parameters.
 */
public record Docker(
    String image,
    DockerNetwork network,
    List<PortMapping> portMappings,
    Boolean privileged,
    List<DockerParameter> parameters,
    Boolean forcePullImage) {

  public Docker {
    portMappings = Copies.list(portMappings);
    parameters = Copies.list(parameters);
  }

  public static Docker ofImage(String image) {
    return new Docker(image, null, null, null, null, null);
  }

  public Docker withNetwork(DockerNetwork mode) {
    return new Docker(image, mode, portMappings, privileged, parameters, forcePullImage);
  }

  public Docker withPortMappings(List<PortMapping> mappings) {
    return new Docker(image, network, mappings, privileged, parameters, forcePullImage);
  }

  /** Docker-engine defaults; port mappings only get theirs where the network mode uses them. */
  Docker withDefaults(ContainerType type) {
    boolean engine = type == ContainerType.DOCKER;
    List<PortMapping> mappings = portMappings;
    if (mappings != null && network != null && network.mapsPorts()) {
      mappings = mappings.stream().map(m -> m.withDefaults(network)).toList();
    }
    return new Docker(
        image,
        network,
        mappings,
        privileged == null && engine ? Boolean.FALSE : privileged,
        parameters == null && engine ? List.of() : parameters,
        forcePullImage == null ? Boolean.FALSE : forcePullImage);
  }
}
