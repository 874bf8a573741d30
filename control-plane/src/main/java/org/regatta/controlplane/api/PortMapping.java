package org.regatta.controlplane.api;

import java.util.Map;

/**
 * One {@code container.docker.portMappings} entry (BRIDGE or USER networking). 0 means "pick one":
 * a host port from the agent's range, a service port from the master's range.
 */
public record PortMapping(
    Integer containerPort,
    Integer hostPort,
    Integer servicePort,
    String protocol,
    String name,
    Map<String, String> labels) {

  public PortMapping {
    labels = Copies.map(labels);
  }

  public static PortMapping of(int containerPort) {
    return new PortMapping(containerPort, null, null, null, null, null);
  }

  public PortMapping withHostPort(Integer port) {
    return new PortMapping(containerPort, port, servicePort, protocol, name, labels);
  }

  public PortMapping withServicePort(Integer port) {
    return new PortMapping(containerPort, hostPort, port, protocol, name, labels);
  }

  PortMapping withDefaults(DockerNetwork network) {
    return new PortMapping(
        containerPort == null ? 0 : containerPort,
        hostPort == null && network == DockerNetwork.BRIDGE ? Integer.valueOf(0) : hostPort,
        servicePort == null ? 0 : servicePort,
        protocol == null ? "tcp" : protocol,
        name,
        labels == null ? Map.of() : labels);
  }
}
