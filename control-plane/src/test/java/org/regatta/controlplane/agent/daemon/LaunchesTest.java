package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regatta.controlplane.agent.FetchUri;
import org.regatta.controlplane.agent.HealthCheckSpec;
import org.regatta.controlplane.agent.TaskSpec;
import org.regatta.controlplane.protocol.AgentProtocol.HealthCheck;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;

class LaunchesTest {

  private static Launch launch(String cmd, List<String> args, double grace,
      List<HealthCheck> checks) {
    return new Launch("web.1", "/web", cmd, args, Map.of("A", "1"),
        List.of("http://repo/app.tgz"), 0.5, 128, List.of(31001, 31002), List.of("http", ""),
        grace, checks);
  }

  @Test
  void everyFieldReachesTheSpec() {
    TaskSpec spec = Launches.toSpec(launch("./run", null, 1.5, List.of()));
    assertEquals("web.1", spec.taskId());
    assertEquals("/web", spec.appId());
    assertEquals("./run", spec.cmd());
    assertEquals(List.of(), spec.args());
    assertEquals(Map.of("A", "1"), spec.env());
    assertEquals(List.of(FetchUri.of("http://repo/app.tgz")), spec.uris());
    assertEquals(0.5, spec.cpus());
    assertEquals(128, spec.memMb());
    assertEquals(List.of(31001, 31002), spec.ports());
    assertEquals(List.of("http", ""), spec.portNames());
    assertEquals(Duration.ofMillis(1500), spec.killGracePeriod());
    assertNull(spec.docker());
  }

  @Test
  void argsRunDirectlyAndUnnamedPortsStayUnnamed() {
    Launch l = new Launch("t.1", "/a", "", List.of("sleep", "1"), null, null, 0.1, 32,
        List.of(31000), List.of(""), 0, null);
    TaskSpec spec = Launches.toSpec(l);
    assertNull(spec.cmd());
    assertEquals(List.of("sleep", "1"), spec.args());
    assertEquals(List.of(), spec.portNames());
    assertEquals(TaskSpec.DEFAULT_KILL_GRACE, spec.killGracePeriod(), "0 is the default");
  }

  @Test
  void healthChecksKeepMarathonsMeaning() {
    TaskSpec spec = Launches.toSpec(launch("./run", null, 0, List.of(
        new HealthCheck("MESOS_HTTP", "/health", 1, null, 30, 5, 2, 3),
        new HealthCheck("TCP", null, null, null, 0, 0, 0, 0),
        new HealthCheck("COMMAND", null, null, "true", 0, 10, 5, 1))));
    HealthCheckSpec http = spec.healthChecks().get(0);
    assertEquals(HealthCheckSpec.Protocol.HTTP, http.protocol());
    assertEquals("/health", http.path());
    assertEquals(1, http.portIndex());
    assertEquals(Duration.ofSeconds(30), http.gracePeriod());
    assertEquals(Duration.ofSeconds(5), http.interval());
    assertEquals(Duration.ofSeconds(2), http.timeout());
    assertEquals(3, http.maxConsecutiveFailures());
    HealthCheckSpec tcp = spec.healthChecks().get(1);
    assertEquals(0, tcp.portIndex());
    assertEquals(Duration.ZERO, tcp.gracePeriod());
    assertEquals(HealthCheckSpec.DEFAULT_INTERVAL, tcp.interval(), "0: Marathon's default");
    assertEquals(HealthCheckSpec.DEFAULT_TIMEOUT, tcp.timeout(), "0: Marathon's default");
    assertEquals(0, tcp.maxConsecutiveFailures(), "0: never kill");
    assertEquals("true", spec.healthChecks().get(2).command());
  }

  @Test
  void aLaunchThatCannotRunSaysWhy() {
    assertMessage("task web.1: give cmd or args, not both",
        () -> Launches.toSpec(launch("./run", List.of("x"), 0, List.of())));
    assertMessage("task web.1: needs cmd, args or a docker image",
        () -> Launches.toSpec(launch(null, null, 0, List.of())));
    assertMessage("killGraceSeconds must be finite and >= 0",
        () -> Launches.toSpec(launch("./run", null, -1, List.of())));
    assertMessage("task web.1: health check 0: protocol is required",
        () -> Launches.toSpec(launch("./run", null, 0,
            List.of(new HealthCheck(null, "/", 0, null, 0, 1, 1, 1)))));
    assertMessage("task web.1: health check 1: a COMMAND health check needs a command",
        () -> Launches.toSpec(launch("./run", null, 0, List.of(
            new HealthCheck("TCP", "/", 0, null, 0, 1, 1, 1),
            new HealthCheck("COMMAND", "/", 0, null, 0, 1, 1, 1)))));
    assertMessage("a launch needs a taskId", () -> Launches.toSpec(new Launch(null, "/a", "x",
        null, null, null, 0, 0, null, null, 0, null)));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
    assertTrue(thrown.getMessage().contains(part), thrown.getMessage());
  }
}
