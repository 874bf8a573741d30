package org.regatta.controlplane.api;

/**
 * One {@code healthChecks} entry. The port is {@code portIndex} (into the port mappings, else the
 * port definitions) or a fixed {@code port}; COMMAND checks run {@code command.value} instead.
 */
public record HealthCheck(
    HealthCheckProtocol protocol,
    String path,
    Integer portIndex,
    Integer port,
    Command command,
    Integer gracePeriodSeconds,
    Integer intervalSeconds,
    Integer timeoutSeconds,
    Integer maxConsecutiveFailures,
    Boolean ignoreHttp1xx,
    Integer delaySeconds) {

  /** A COMMAND check's shell command. */
  public record Command(String value) {}

  public static HealthCheck httpCheck(String path, int portIndex) {
    return new HealthCheck(HealthCheckProtocol.HTTP, path, portIndex, null, null,
        null, null, null, null, null, null);
  }

  public static HealthCheck commandCheck(String shell) {
    return new HealthCheck(HealthCheckProtocol.COMMAND, null, null, null, new Command(shell),
        null, null, null, null, null, null);
  }

  /**
   * Marathon's defaults (HTTP, grace 300 s, interval 60 s, timeout 20 s, 3 failures). A port-based
   * check that names neither port nor index gets index 0 when the app has ports, as Marathon 1.4's
   * reader does.
   */
  HealthCheck withDefaults(boolean appHasPorts) {
    HealthCheckProtocol p = protocol == null ? HealthCheckProtocol.HTTP : protocol;
    boolean http = p == HealthCheckProtocol.HTTP || p == HealthCheckProtocol.HTTPS;
    Integer index = portIndex;
    if (index == null && port == null && p.usesPort() && command == null && appHasPorts) {
      index = 0;
    }
    return new HealthCheck(
        p,
        path,
        index,
        port,
        command,
        gracePeriodSeconds == null ? AppDefaults.HEALTH_GRACE_PERIOD_SECONDS : gracePeriodSeconds,
        intervalSeconds == null ? AppDefaults.HEALTH_INTERVAL_SECONDS : intervalSeconds,
        timeoutSeconds == null ? AppDefaults.HEALTH_TIMEOUT_SECONDS : timeoutSeconds,
        maxConsecutiveFailures == null
            ? AppDefaults.HEALTH_MAX_CONSECUTIVE_FAILURES : maxConsecutiveFailures,
        ignoreHttp1xx == null && http ? Boolean.FALSE : ignoreHttp1xx,
        delaySeconds == null && p.agentSide()
            ? Integer.valueOf(AppDefaults.HEALTH_DELAY_SECONDS) : delaySeconds);
  }
}
