package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMainTest {

  @Test
  void readsMastersPortHostWorkDirAndOptions() {
    AgentMain.Args a = AgentMain.parse(new String[] {
        "http://10.0.0.1:8080/, 10.0.0.2:8080", "5051", "10.0.0.7", "/var/lib/regatta/agent",
        "ports=[31000-31999]", "attributes=rack:r1", "cpus=2", "heartbeat_seconds=0.5",
        "keep_tasks=true", "check_host=127.0.0.1", "cgroup_root=/sys/fs/cgroup/regatta.slice"});
    assertEquals(List.of(URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080")),
        a.masters());
    assertEquals(5051, a.port());
    assertEquals("10.0.0.7", a.advertiseHost());
    assertEquals(Path.of("/var/lib/regatta/agent"), a.workDir());
    assertEquals(Map.of("ports", "[31000-31999]", "attributes", "rack:r1", "cpus", "2",
        "work_dir", "/var/lib/regatta/agent"), a.detector());
    assertEquals(Duration.ofMillis(500), a.heartbeat());
    assertTrue(a.keepTasks());
    assertEquals("127.0.0.1", a.checkHost());
    assertEquals(Path.of("/sys/fs/cgroup/regatta.slice"), a.cgroupRoot());
  }

  @Test
  void optionsDefault() {
    AgentMain.Args a = AgentMain.parse(new String[] {"http://m:8080", "0", "h", "/w"});
    assertNull(a.heartbeat());
    assertFalse(a.keepTasks());
    assertNull(a.checkHost());
    assertNull(a.cgroupRoot());
  }

  @Test
  void aBadArgumentIsNamed() {
    assertMessage("expected at least 4 arguments", new String[] {"http://m:8080", "0", "h"});
    assertMessage("LISTEN_PORT must be a number, got 'x'",
        new String[] {"http://m:8080", "x", "h", "/w"});
    assertMessage("MASTER_URLS names no master", new String[] {" , ", "0", "h", "/w"});
    assertMessage("'colour=blue' is not key=value with a key among",
        new String[] {"http://m:8080", "0", "h", "/w", "colour=blue"});
    assertMessage("keep_tasks must be true or false, got 'yes'",
        new String[] {"http://m:8080", "0", "h", "/w", "keep_tasks=yes"});
    assertMessage("heartbeat_seconds must be > 0",
        new String[] {"http://m:8080", "0", "h", "/w", "heartbeat_seconds=0"});
  }

  private static void assertMessage(String part, String[] args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentMain.parse(args));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
