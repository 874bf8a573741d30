package org.regatta.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 the orchestrator in the middle of a deploy, then {@code resume}: the deployment
 * completes with exactly the planned nodes, none twice, none leaked.
 */
class ResumeIT {

  @TempDir
  Path home;

  @Test
  void resumeAfterKillMinusNineCompletesWithThePlannedNodes() throws Exception {
    LocalCloud.assumeReady("ResumeIT");
    Path lib = Cli.root().resolve("orchestrator/target/dist/lib");
    Process p = new ProcessBuilder("java", "-Dregatta.home=" + home, "-cp", lib + "/*",
        "org.regatta.orchestrator.cli.Main", "deploy",
        Cli.root().resolve("templates/mesos_cluster.yaml").toString())
        .redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          lines.add(l);
        }
      } catch (java.io.IOException ignored) {
        // the process was killed
      }
    });
    reader.start();
    String id = null;
    try {
      // kill it while the cloud is creating the machines (they take a few seconds together)
      for (String l = lines.poll(120, TimeUnit.SECONDS); l != null;
          l = lines.poll(120, TimeUnit.SECONDS)) {
        if (l.startsWith("deployment ")) {
          id = l.split(" ")[1];
        }
        if (id != null && l.contains("creating")) {
          Thread.sleep(300);
          break;
        }
      }
      assertTrue(id != null, "the deploy printed no deployment id");
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      System.out.println("ResumeIT: killed the orchestrator with " + LocalCloud.containers(id)
          .size() + " of 7 containers created");

      String previous = System.getProperty("regatta.home");
      System.setProperty("regatta.home", home.toString());
      try {
        Cli status = Cli.run("status", id);
        assertTrue(status.out().contains("CREATE_IN_PROGRESS"), status::all);
        Cli resume = Cli.run("resume", id, "-q");
        assertEquals(0, resume.exit(), resume::all);
        List<String> containers = LocalCloud.containers(id);
        assertEquals(7, containers.size());
        List<String> names = LocalCloud.docker("ps", "-a", "--format",
            "{{.Label \"org.regatta.node\"}}", "--filter", "label=org.regatta.deployment=" + id);
        assertEquals(7, names.stream().distinct().count(), names::toString);
        Cli undeploy = Cli.run("undeploy", id, "-q");
        assertEquals(0, undeploy.exit(), undeploy::all);
      } finally {
        if (previous == null) {
          System.clearProperty("regatta.home");
        } else {
          System.setProperty("regatta.home", previous);
        }
      }
    } finally {
      p.destroyForcibly();
      if (id != null && !LocalCloud.containers(id).isEmpty()) {
        List<String> left = new java.util.ArrayList<>(List.of("rm", "-f"));
        left.addAll(LocalCloud.containers(id));
        LocalCloud.docker(left.toArray(String[]::new));
      }
    }
    assertTrue(LocalCloud.containers(id).isEmpty());
  }
}
