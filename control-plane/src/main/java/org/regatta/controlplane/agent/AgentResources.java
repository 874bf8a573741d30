package org.regatta.controlplane.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent advertises to the master: scalar resources (cpus, memory and disk in MB), its GPUs,
 * the host port ranges tasks may be given, and free-form attributes for constraints.
 */
public record AgentResources(
    double cpus,
    double memMb,
    double diskMb,
    List<Gpu> gpus,
    List<PortRange> ports,
    Map<String, String> attributes) {

  /** One GPU as {@code nvidia-smi} lists it. */
  public record Gpu(int index, String name, long memoryMb) {
    public Gpu {
      Objects.requireNonNull(name, "name");
    }
  }

  /** An inclusive range of host ports, e.g. 31000-32000. */
  public record PortRange(int begin, int end) {
    public PortRange {
      if (begin < 1 || end > 65535 || begin > end) {
        throw new IllegalArgumentException(
            "a port range lies within 1-65535 with begin <= end, got " + begin + "-" + end);
      }
    }

    public int size() {
      return end - begin + 1;
    }

    @Override
    public String toString() {
      return begin + "-" + end;
    }
  }

  public AgentResources {
    gpus = List.copyOf(gpus);
    ports = List.copyOf(ports);
    attributes = Map.copyOf(attributes);
  }

  public int gpuCount() {
    return gpus.size();
  }
}
