package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskEnvironmentTest {

  @Test
  void portsHostAndIdsAreSet() {
    TaskSpec spec = TaskSpec.builder("web.7", "/shop/web").cmd("true")
        .port(31005, "http").port(31006, "").port(31007, "admin-ui")
        .cpus(0.5).memMb(64).build();
    Map<String, String> env = TaskEnvironment.of(spec, "agent-1", "/work/sandboxes/web.7");
    assertEquals("31005", env.get("PORT0"));
    assertEquals("31006", env.get("PORT1"));
    assertEquals("31007", env.get("PORT2"));
    assertEquals("31005", env.get("PORT"));
    assertEquals("31005,31006,31007", env.get("PORTS"));
    assertEquals("31005", env.get("PORT_HTTP"));
    assertEquals("31007", env.get("PORT_ADMIN_UI"));
    assertEquals("agent-1", env.get("HOST"));
    assertEquals("web.7", env.get("MESOS_TASK_ID"));
    assertEquals("/shop/web", env.get("MARATHON_APP_ID"));
    assertEquals("/work/sandboxes/web.7", env.get("MESOS_SANDBOX"));
    assertEquals("0.5", env.get("MARATHON_APP_RESOURCE_CPUS"));
    assertEquals("64.0", env.get("MARATHON_APP_RESOURCE_MEM"));
  }

  @Test
  void aTaskWithoutPortsHasNoPortVariables() {
    Map<String, String> env = TaskEnvironment.of(
        TaskSpec.builder("t", "/a").cmd("true").build(), "h", "/s");
    assertFalse(env.containsKey("PORT"));
    assertFalse(env.containsKey("PORTS"));
    assertFalse(env.containsKey("PORT0"));
  }

  @Test
  void theRuntimeWinsOverTheAppsEnv() {
    TaskSpec spec = TaskSpec.builder("t", "/a").cmd("true").port(31000, "")
        .env("PORT0", "1").env("HOST", "spoofed").env("GREETING", "hi").build();
    Map<String, String> env = TaskEnvironment.of(spec, "real", "/s");
    assertEquals("31000", env.get("PORT0"));
    assertEquals("real", env.get("HOST"));
    assertEquals("hi", env.get("GREETING"));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 11, 42, 1999, 31337})
  void portNamesAlwaysBecomeValidVariableNames(long seed) {
    Random random = new Random(seed);
    String alphabet = "abcXYZ09-._:/ é";
    for (int i = 0; i < 200; i++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String variable = "PORT_" + TaskEnvironment.envName(name.toString());
      assertTrue(variable.matches("[A-Z_][A-Z0-9_]*"), name + " -> " + variable);
    }
  }
}
