package org.regatta.controlplane.agent.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.regatta.controlplane.agent.FetchUri;
import org.regatta.controlplane.agent.HealthCheckSpec;
import org.regatta.controlplane.agent.TaskSpec;
import org.regatta.controlplane.protocol.AgentProtocol.HealthCheck;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;

/**
 * Reads the master's {@link Launch} as the runtime's {@link TaskSpec}. A launch the runtime
 * cannot run throws {@link IllegalArgumentException} with one sentence naming the task and field.
 */
final class Launches {

  private Launches() {}

  static TaskSpec toSpec(Launch launch) {
    if (launch.taskId() == null || launch.taskId().isBlank()) {
      throw new IllegalArgumentException("a launch needs a taskId");
    }
    if (launch.appId() == null) {
      throw new IllegalArgumentException("task " + launch.taskId() + ": a launch needs an appId");
    }
    String cmd = launch.cmd() == null || launch.cmd().isBlank() ? null : launch.cmd();
    boolean named = launch.portNames().stream().anyMatch(n -> !n.isEmpty());
    List<HealthCheckSpec> checks = new ArrayList<>();
    for (int i = 0; i < launch.healthChecks().size(); i++) {
      checks.add(toCheck(launch.taskId(), i, launch.healthChecks().get(i)));
    }
    return new TaskSpec(launch.taskId(), launch.appId(), cmd, launch.args(), launch.env(),
        launch.uris().stream().map(FetchUri::of).toList(), launch.cpus(), launch.memMb(),
        launch.ports(), named ? launch.portNames() : List.of(),
        killGrace(launch.taskId(), launch.killGraceSeconds()), null, checks);
  }

  /** 0 is "not given": Marathon's default; a fraction of a second is kept to the millisecond. */
  static Duration killGrace(String taskId, double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(
          "task " + taskId + ": killGraceSeconds must be finite and >= 0, got " + seconds);
    }
    return seconds == 0 ? TaskSpec.DEFAULT_KILL_GRACE
        : Duration.ofMillis(Math.round(seconds * 1000));
  }

  static HealthCheckSpec toCheck(String taskId, int index, HealthCheck check) {
    String where = "task " + taskId + ": health check " + index + ": ";
    if (check.protocol() == null) {
      throw new IllegalArgumentException(where + "protocol is required");
    }
    try {
      return new HealthCheckSpec(HealthCheckSpec.Protocol.parse(check.protocol()), check.path(),
          check.portIndex() == null ? 0 : check.portIndex(), 0, check.command(),
          seconds(check.gracePeriodSeconds(), Duration.ZERO),
          seconds(check.intervalSeconds(), HealthCheckSpec.DEFAULT_INTERVAL),
          seconds(check.timeoutSeconds(), HealthCheckSpec.DEFAULT_TIMEOUT),
          check.maxConsecutiveFailures(), false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }

  private static Duration seconds(int n, Duration whenZero) {
    return n == 0 ? whenZero : Duration.ofSeconds(n);
  }
}
