package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void namesAreDnsSafeEverywhereAndReadable() {
    assertEquals("rg-d1-mesos-master-server-0", Labels.machineName("d1", "mesos_master_server-0"));
    assertEquals("rg-2f1c", Labels.group("2F1C"));
    assertEquals("n-0-lb", Labels.hostName("0_lb"));
    String uuid = "0b6d3c9e-5f7a-4e21-9c3b-2a8f1d6e7c40";
    String name = Labels.machineName(uuid, "mesos_slave_server-12");
    assertTrue(name.length() <= 63 && name.matches("[a-z]([-a-z0-9]*[a-z0-9])?"), name);
    assertNotEquals(name, Labels.machineName(uuid, "mesos_slave_server-13"),
        "cut names stay distinct");
  }

  @Test
  void theDeploymentAndNodeLabelsWin() {
    NodeSpec spec = new NodeSpec("d1", "n", 1, 1, null, null, null,
        Map.of(Labels.DEPLOYMENT, "spoofed", "role", "lb"));
    assertEquals(Map.of(Labels.DEPLOYMENT, "d1", Labels.NODE, "n", "role", "lb"),
        Labels.of(spec));
  }
}
