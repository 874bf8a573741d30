package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A health check's protocol. HTTP, HTTPS and TCP are run by the master ("Marathon-level"); COMMAND
 * and the MESOS_* ones by the agent next to the task ("Mesos-level").
 */
public enum HealthCheckProtocol {
  HTTP,
  HTTPS,
  TCP,
  COMMAND,
  MESOS_HTTP,
  MESOS_HTTPS,
  MESOS_TCP;

  /** Whether the check connects to one of the task's ports (every protocol but COMMAND). */
  public boolean usesPort() {
    return this != COMMAND;
  }

  /** Whether the agent runs it (Marathon allows at most one such check per app). */
  public boolean agentSide() {
    return this == COMMAND || this == MESOS_HTTP || this == MESOS_HTTPS || this == MESOS_TCP;
  }

  @JsonCreator
  static HealthCheckProtocol fromJson(String name) {
    for (HealthCheckProtocol p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(name + " is not a valid protocol");
  }
}
