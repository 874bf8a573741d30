package org.regatta.controlplane.api;

/** One {@code container.docker.parameters} entry: a {@code docker run --key=value} option. */
public record DockerParameter(String key, String value) {}
