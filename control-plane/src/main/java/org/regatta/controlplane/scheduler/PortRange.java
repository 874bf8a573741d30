package org.regatta.controlplane.scheduler;

/** An inclusive range of host ports, as an agent advertises them (e.g. 31000-32000). */
public record PortRange(int begin, int end) {

  public PortRange {
    if (begin < 1 || end > 65535 || begin > end) {
      throw new IllegalArgumentException(
          "a port range lies within 1-65535 with begin <= end, got " + begin + "-" + end);
    }
  }

  public static PortRange of(int begin, int end) {
    return new PortRange(begin, end);
  }

  public int size() {
    return end - begin + 1;
  }

  public boolean contains(int port) {
    return port >= begin && port <= end;
  }

  @Override
  public String toString() {
    return begin + "-" + end;
  }
}
