package org.regatta.controlplane.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * One health check an app declares, with Marathon's fields and defaults: HTTP (GET {@code path};
 * 2xx and 3xx are healthy), TCP (a connection opens) or COMMAND ({@code command} exits 0). The
 * target port is {@code port} when it is not 0, else the task's port at {@code portIndex}.
 * Failures within {@code gracePeriod} of the start are ignored until the first success; after
 * {@code maxConsecutiveFailures} failures in a row (0: never) the task counts as unhealthy.
 */
public record HealthCheckSpec(
    Protocol protocol,
    String path,
    int portIndex,
    int port,
    String command,
    Duration gracePeriod,
    Duration interval,
    Duration timeout,
    int maxConsecutiveFailures,
    boolean ignoreHttp1xx) {

  /** The check kinds; Marathon's MESOS_HTTP and MESOS_TCP map to HTTP and TCP. */
  public enum Protocol {
    HTTP, TCP, COMMAND;

    public static Protocol parse(String name) {
      return switch (name) {
        case "HTTP", "MESOS_HTTP" -> HTTP;
        case "TCP", "MESOS_TCP" -> TCP;
        case "COMMAND" -> COMMAND;
        default -> throw new IllegalArgumentException(
            "health check protocol must be HTTP, TCP, COMMAND, MESOS_HTTP or MESOS_TCP, got "
                + name);
      };
    }
  }

  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(300);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_FAILURES = 3;

  public HealthCheckSpec {
    Objects.requireNonNull(protocol, "protocol");
    path = path == null || path.isEmpty() ? "/" : path;
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw new IllegalArgumentException(
          "health check path must start with '/' and hold no spaces, got '" + path + "'");
    }
    if (portIndex < 0) {
      throw new IllegalArgumentException("health check portIndex must be >= 0, got " + portIndex);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("health check port must be within 0-65535, got " + port);
    }
    if (protocol == Protocol.COMMAND && (command == null || command.isBlank())) {
      throw new IllegalArgumentException("a COMMAND health check needs a command");
    }
    requirePositive("gracePeriod", gracePeriod, true);
    requirePositive("interval", interval, false);
    requirePositive("timeout", timeout, false);
    if (maxConsecutiveFailures < 0) {
      throw new IllegalArgumentException(
          "maxConsecutiveFailures must be >= 0, got " + maxConsecutiveFailures);
    }
  }

  public static HealthCheckSpec http(String path) {
    return new HealthCheckSpec(Protocol.HTTP, path, 0, 0, null,
        DEFAULT_GRACE, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_MAX_FAILURES, false);
  }

  public static HealthCheckSpec tcp() {
    return new HealthCheckSpec(Protocol.TCP, "/", 0, 0, null,
        DEFAULT_GRACE, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_MAX_FAILURES, false);
  }

  public static HealthCheckSpec command(String command) {
    return new HealthCheckSpec(Protocol.COMMAND, "/", 0, 0, command,
        DEFAULT_GRACE, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_MAX_FAILURES, false);
  }

  public HealthCheckSpec withPortIndex(int index) {
    return new HealthCheckSpec(protocol, path, index, port, command, gracePeriod, interval, timeout,
        maxConsecutiveFailures, ignoreHttp1xx);
  }

  public HealthCheckSpec withPort(int fixedPort) {
    return new HealthCheckSpec(protocol, path, portIndex, fixedPort, command, gracePeriod, interval,
        timeout, maxConsecutiveFailures, ignoreHttp1xx);
  }

  /** Grace period, interval and timeout, as Marathon's gracePeriodSeconds etc. */
  public HealthCheckSpec withTiming(Duration grace, Duration every, Duration limit) {
    return new HealthCheckSpec(protocol, path, portIndex, port, command, grace, every, limit,
        maxConsecutiveFailures, ignoreHttp1xx);
  }

  public HealthCheckSpec withMaxConsecutiveFailures(int max) {
    return new HealthCheckSpec(protocol, path, portIndex, port, command, gracePeriod, interval,
        timeout, max, ignoreHttp1xx);
  }

  public HealthCheckSpec withIgnoreHttp1xx(boolean ignore) {
    return new HealthCheckSpec(protocol, path, portIndex, port, command, gracePeriod, interval,
        timeout, maxConsecutiveFailures, ignore);
  }

  private static void requirePositive(String name, Duration d, boolean zeroAllowed) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      throw new IllegalArgumentException(
          name + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", got " + d);
    }
  }
}
