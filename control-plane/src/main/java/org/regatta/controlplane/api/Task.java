package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * A task as {@code /v2/tasks}, {@code /v2/apps/{id}/tasks} and {@code embed=apps.tasks} show it.
 * Times are ISO-8601 strings as Marathon writes them; {@code state} is a Mesos state name
 * ({@code TASK_RUNNING} …). The agent is {@code slaveId} on the wire, as in every Marathon version
 * (clients such as python-marathon reject unknown task keys); {@code agentId} is read as its alias.
 */
public record Task(
    String id,
    String appId,
    String host,
    List<Integer> ports,
    List<Integer> servicePorts,
    String startedAt,
    String stagedAt,
    String state,
    List<HealthCheckResult> healthCheckResults,
    String version,
    @JsonAlias("agentId") String slaveId,
    List<IpAddress> ipAddresses) {

  /** One of the task's IP addresses ({@code protocol}: IPv4 or IPv6). */
  public record IpAddress(String ipAddress, String protocol) {}

  public Task {
    ports = Copies.list(ports);
    servicePorts = Copies.list(servicePorts);
    healthCheckResults = Copies.list(healthCheckResults);
    ipAddresses = Copies.list(ipAddresses);
  }
}
