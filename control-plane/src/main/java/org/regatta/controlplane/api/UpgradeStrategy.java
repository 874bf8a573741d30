package org.regatta.controlplane.api;

/**
 * How a rolling upgrade replaces instances: keep at least {@code minimumHealthCapacity × instances}
 * healthy, start at most {@code maximumOverCapacity × instances} extra. Both in [0, 1].
 */
public record UpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {

  UpgradeStrategy withDefaults(UpgradeStrategy defaults) {
    return new UpgradeStrategy(
        minimumHealthCapacity == null ? defaults.minimumHealthCapacity() : minimumHealthCapacity,
        maximumOverCapacity == null ? defaults.maximumOverCapacity() : maximumOverCapacity);
  }
}
