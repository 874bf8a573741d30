package org.regatta.controlplane.api;

import java.util.Map;

/**
 * One {@code portDefinitions} entry (host networking). {@code port} is the service port (0: the
 * master assigns one); with {@code requirePorts} it is also the host port the task must get.
 */
public record PortDefinition(
    Integer port, String protocol, String name, Map<String, String> labels) {

  public PortDefinition {
    labels = Copies.map(labels);
  }

  public static PortDefinition of(int port) {
    return new PortDefinition(port, null, null, null);
  }

  public PortDefinition withPort(Integer newPort) {
    return new PortDefinition(newPort, protocol, name, labels);
  }

  PortDefinition withDefaults() {
    return new PortDefinition(
        port == null ? 0 : port,
        protocol == null ? "tcp" : protocol,
        name,
        labels == null ? Map.of() : labels);
  }
}
