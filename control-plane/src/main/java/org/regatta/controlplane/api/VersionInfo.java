package org.regatta.controlplane.api;

/** {@code versionInfo}: when the configuration last changed, and the last scale or restart. */
public record VersionInfo(String lastScalingAt, String lastConfigChangeAt) {}
