package org.regatta.orchestrator.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The local Docker cloud that bin/setup prepares, as the ITs see it. */
final class LocalCloud {

  private LocalCloud() {}

  /** Skips the calling test, with the reason printed, when bin/setup has not run here. */
  static void assumeReady(String test) {
    String why = null;
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:2375/_ping").toURL()
          .openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      if (c.getResponseCode() != 200) {
        why = "the Docker API proxy on 127.0.0.1:2375 answered " + c.getResponseCode();
      } else if (docker("image", "inspect", "regatta/node:latest").isEmpty()) {
        why = "the node image regatta/node:latest is missing";
      }
    } catch (IOException e) {
      why = "no Docker API on 127.0.0.1:2375 (" + e.getMessage() + ")";
    }
    if (why != null) {
      System.err.println("SKIPPED " + test + ": " + why + "; run 'sudo bin/setup' first");
    }
    Assumptions.assumeTrue(why == null, why);
  }

  /** Runs the docker CLI; its stdout lines (empty on failure). */
  static List<String> docker(String... args) {
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return List.of();
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Ids of every container of a deployment, running or not. */
  static List<String> containers(String deploymentId) {
    return docker("ps", "-aq", "--filter", "label=org.regatta.deployment=" + deploymentId);
  }

  static List<String> volumes(String deploymentId) {
    return docker("volume", "ls", "-q", "--filter", "label=org.regatta.deployment="
        + deploymentId);
  }
}
