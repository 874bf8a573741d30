package org.regatta.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.controlplane.agent.AgentResources;
import org.regatta.controlplane.agent.daemon.AgentDaemon;

/**
 * A third-party Marathon client, Debian's python3-marathon, drives a master unchanged: create,
 * list, scale, list tasks, restart, delete (CI installs the package).
 */
class PythonMarathonIT {

  @TempDir
  Path dir;

  @Test
  void debiansMarathonClientDrivesTheMaster() throws Exception {
    String why = null;
    try {
      Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import marathon")
          .redirectErrorStream(true).start();
      if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
        why = "python3-marathon is not installed (apt-get install python3-marathon)";
      }
    } catch (IOException e) {
      why = "/usr/bin/python3 is missing";
    }
    if (why != null) {
      System.err.println("SKIPPED PythonMarathonIT: " + why);
    }
    Assumptions.assumeTrue(why == null, why);

    Path script = dir.resolve("python_marathon.py");
    try (var in = PythonMarathonIT.class.getResourceAsStream("/conformance/python_marathon.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (TestingServer zk = new TestingServer(true);
        Master master = Master.start(zk.getConnectString(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "127.0.0.1",
            Duration.ofSeconds(3));
        AgentDaemon agent = AgentDaemon.start(AgentDaemon.Config.builder(
            List.of(URI.create(master.url())), "127.0.0.1", dir.resolve("agent"),
            new AgentResources(2, 2048, 10000, List.of(),
                List.of(new AgentResources.PortRange(32000, 32099)), Map.of()))
            .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .heartbeat(Duration.ofMillis(500)).build())) {
      Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), master.url())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the client did not finish");
      System.out.println("PythonMarathonIT:\n" + out);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("ok: all steps"), out);
      assertTrue(agent.agentId() != null);
    }
  }
}
