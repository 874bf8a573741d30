package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskSpecTest {

  @Test
  void builderFillsMarathonDefaults() {
    TaskSpec spec = TaskSpec.builder("web.1", "/web").cmd("sleep 1").build();
    assertEquals(TaskSpec.DEFAULT_KILL_GRACE, spec.killGracePeriod());
    assertEquals(List.of(), spec.ports());
    assertEquals(List.of(), spec.portNames());
    assertFalse(spec.isDocker());
  }

  @Test
  void unnamedPortsKeepNoNames() {
    TaskSpec spec = TaskSpec.builder("web.1", "/web").cmd("x").port(31000, "").build();
    assertEquals(List.of(), spec.portNames());
    assertEquals("", spec.portName(0));
    TaskSpec named = TaskSpec.builder("web.2", "/web").cmd("x")
        .port(31000, "").port(31001, "admin").build();
    assertEquals(List.of("", "admin"), named.portNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../etc", ".hidden", "a/b", "a b", "-rm"})
  void taskIdsThatAreNoSafeNamesAreRefused(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(id, "/app").cmd("true").build());
    assertTrue(e.getMessage().contains("task id"), e.getMessage());
  }

  @Test
  void cmdAndArgsExcludeEachOther() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").cmd("true").args(List.of("true")).build());
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
  }

  @Test
  void aProcessTaskNeedsSomethingToRun() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").build());
    assertTrue(e.getMessage().contains("needs cmd, args or a docker image"), e.getMessage());
    TaskSpec docker = TaskSpec.builder("t", "/a").docker(DockerSpec.of("nginx")).build();
    assertTrue(docker.isDocker());
  }

  @Test
  void badFieldsAreNamed() {
    assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").cmd("x").env("1BAD", "v").build());
    assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").cmd("x").cpus(-1).build());
    assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").cmd("x").port(0, "").build());
    assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").cmd("x").killGracePeriod(Duration.ofSeconds(-1)).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder("t", "/a").docker(DockerSpec.of("nginx")
            .withPortMappings(List.of(DockerSpec.PortMapping.tcp(80)))).build());
    assertTrue(e.getMessage().contains("1 port mappings but only 0"), e.getMessage());
  }

  @Test
  void fetchUriNamesItsFile() {
    assertEquals("app.tar.gz", FetchUri.of("http://127.0.0.1:8/x/app.tar.gz?sig=1").fileName());
    assertEquals("renamed", FetchUri.of("http://h/a.zip").withOutputFile("renamed").fileName());
    assertTrue(FetchUri.of("http://h/a.tgz").isArchive());
    assertTrue(FetchUri.of("http://h/A.ZIP").isArchive());
    assertFalse(FetchUri.of("http://h/run.sh").isArchive());
    assertThrows(IllegalArgumentException.class, () -> FetchUri.of("http://h/").fileName());
    assertThrows(IllegalArgumentException.class,
        () -> FetchUri.of("http://h/a").withOutputFile("../x"));
  }

  @Test
  void healthCheckSpecsCheckTheirFields() {
    HealthCheckSpec http = HealthCheckSpec.http("/health");
    assertEquals(Duration.ofSeconds(300), http.gracePeriod());
    assertEquals(3, http.maxConsecutiveFailures());
    assertEquals(HealthCheckSpec.Protocol.HTTP, HealthCheckSpec.Protocol.parse("MESOS_HTTP"));
    assertEquals(HealthCheckSpec.Protocol.TCP, HealthCheckSpec.Protocol.parse("MESOS_TCP"));
    assertThrows(IllegalArgumentException.class, () -> HealthCheckSpec.Protocol.parse("HTTPS"));
    assertThrows(IllegalArgumentException.class, () -> HealthCheckSpec.http("no-slash"));
    assertThrows(IllegalArgumentException.class, () -> HealthCheckSpec.command(" "));
    assertThrows(IllegalArgumentException.class,
        () -> HealthCheckSpec.tcp()
            .withTiming(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> HealthCheckSpec.tcp().withMaxConsecutiveFailures(-1));
  }
}
