package org.regatta.controlplane.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scalar resources plus host port ranges. Agents use the ranges to say which ports they offer; a
 * task asks for ports through {@link TaskRequest#hostPorts()}, so its resources carry no ranges.
 */
public record Resources(double cpus, double memMb, double diskMb, int gpus, List<PortRange> ports) {

  public static final Resources NONE = new Resources(0, 0, 0, 0, List.of());

  public Resources {
    requireAmount("cpus", cpus);
    requireAmount("memMb", memMb);
    requireAmount("diskMb", diskMb);
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    ports = List.copyOf(ports);
    List<PortRange> sorted = new ArrayList<>(ports);
    sorted.sort(Comparator.comparingInt(PortRange::begin));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).begin() <= sorted.get(i - 1).end()) {
        throw new IllegalArgumentException(
            "port ranges overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
  }

  public static Resources of(double cpus, double memMb, double diskMb) {
    return new Resources(cpus, memMb, diskMb, 0, List.of());
  }

  public Resources withGpus(int n) {
    return new Resources(cpus, memMb, diskMb, n, ports);
  }

  public Resources withPorts(PortRange... ranges) {
    return new Resources(cpus, memMb, diskMb, gpus, List.of(ranges));
  }

  /** The sum of the scalar resources; the port ranges of this value are kept. */
  public Resources plus(Resources other) {
    return new Resources(cpus + other.cpus, memMb + other.memMb, diskMb + other.diskMb,
        gpus + other.gpus, ports);
  }

  /** How many ports the ranges hold. */
  public int portCount() {
    return ports.stream().mapToInt(PortRange::size).sum();
  }

  private static void requireAmount(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite amount >= 0, got " + value);
    }
  }
}
