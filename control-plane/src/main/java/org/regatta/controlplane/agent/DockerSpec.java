package org.regatta.controlplane.agent;

import java.util.List;
import java.util.Objects;

/**
 * A task's DOCKER container, as Marathon's {@code container.docker} describes it. The host ports of
 * the port mappings are the task's assigned ports, in order ({@link TaskSpec#ports()}).
 */
public record DockerSpec(
    String image,
    Network network,
    List<PortMapping> portMappings,
    List<Parameter> parameters,
    boolean forcePullImage) {

  /** How the container attaches to the network. */
  public enum Network { BRIDGE, HOST, NONE }

  /**
   * One mapping from an assigned host port to {@code containerPort} (0: the same number as the host
   * port, as Marathon does); {@code protocol} is tcp, udp or "udp,tcp".
   */
  public record PortMapping(int containerPort, String protocol, String name) {
    public PortMapping {
      if (containerPort < 0 || containerPort > 65535) {
        throw new IllegalArgumentException(
            "containerPort must be within 0-65535, got " + containerPort);
      }
      protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
      for (String p : protocol.split(",")) {
        if (!p.equals("tcp") && !p.equals("udp")) {
          throw new IllegalArgumentException(
              "port mapping protocol must be tcp, udp or udp,tcp, got " + protocol);
        }
      }
      name = name == null ? "" : name;
    }

    public static PortMapping tcp(int containerPort) {
      return new PortMapping(containerPort, "tcp", "");
    }
  }

  /** A raw {@code docker run} option: {@code (memory-swap, 128m)} → {@code --memory-swap=128m}. */
  public record Parameter(String key, String value) {
    public Parameter {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (!key.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "docker parameter key must look like 'memory-swap', got '" + key + "'");
      }
    }
  }

  public DockerSpec {
    Objects.requireNonNull(image, "image");
    if (image.isBlank() || image.startsWith("-")) {
      throw new IllegalArgumentException("docker image must be a name, got '" + image + "'");
    }
    network = network == null ? Network.BRIDGE : network;
    portMappings = List.copyOf(portMappings);
    parameters = List.copyOf(parameters);
  }

  public static DockerSpec of(String image) {
    return new DockerSpec(image, Network.BRIDGE, List.of(), List.of(), false);
  }

  public DockerSpec withNetwork(Network n) {
    return new DockerSpec(image, n, portMappings, parameters, forcePullImage);
  }

  public DockerSpec withPortMappings(List<PortMapping> mappings) {
    return new DockerSpec(image, network, mappings, parameters, forcePullImage);
  }

  public DockerSpec withParameters(List<Parameter> params) {
    return new DockerSpec(image, network, portMappings, params, forcePullImage);
  }
}
