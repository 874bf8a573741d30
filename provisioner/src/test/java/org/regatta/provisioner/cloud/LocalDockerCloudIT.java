package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against real node containers: jclouds' docker api on the engine that bin/setup
 * exposes on 127.0.0.1:2375, image regatta/node:latest, network regatta. Skips, saying why,
 * when any of those is missing. Every container it makes carries org.regatta.deployment=ct-…
 * and is removed in @AfterEach / @AfterAll even when a test fails.
 */
class LocalDockerCloudIT extends CloudContractTest {

  /** -Dregatta.docker=URL points the test at another engine (loopback only). */
  private static final String ENGINE =
      System.getProperty("regatta.docker", CloudConfig.LOCAL_ENDPOINT);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static JcloudsCloud cloud;
  private static String skipped;

  @BeforeAll
  static void engineImageAndNetworkMustBeThere() throws CloudException {
    String missing = null;
    if (get("/_ping") == null) {
      missing = "no Docker engine answers on " + ENGINE;
    } else if (get("/images/" + CloudConfig.LOCAL_IMAGE + "/json") == null) {
      missing = "image " + CloudConfig.LOCAL_IMAGE + " is missing";
    } else if (get("/networks/" + CloudConfig.LOCAL_NETWORK) == null) {
      missing = "Docker network " + CloudConfig.LOCAL_NETWORK + " is missing";
    }
    if (missing != null) {
      skipped = "LocalDockerCloudIT skipped: " + missing + " (run bin/setup)";
      System.out.println(skipped);
      return;
    }
    cloud = JcloudsCloud.open(CloudConfig.builder("local", Provider.LOCAL).endpoint(ENGINE)
        .build());
  }

  /** Per test, so that each one is reported as skipped. */
  @BeforeEach
  void skipWithoutEngine() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void close() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Override
  protected Cloud cloud() {
    return cloud;
  }

  @Override
  protected NodeSpec failingSpec(String deploymentId, String name) {
    return new NodeSpec(deploymentId, name, 1, 256, "regatta/no-such-image:never", null,
        PUBLIC_KEY, Map.of());
  }

  @Test
  void nodesAreContainersOnTheRegattaNetworkWithTheKeyAndNetAdminAndAnswerOnPort22()
      throws Exception {
    String d = newDeployment();
    CreateResult result = cloud.create(List.of(spec(d, "mesos_master_server-0")));
    assertTrue(result.allCreated(), () -> "failed: " + result.failed());
    CloudNode node = result.created().get(0);

    JsonNode c = get("/containers/" + node.id() + "/json");
    assertEquals(get("/images/" + CloudConfig.LOCAL_IMAGE + "/json").path("Id").asText(),
        c.path("Image").asText(), "started from the image id");
    assertEquals("regatta", c.path("HostConfig").path("NetworkMode").asText());
    assertTrue(c.path("HostConfig").path("CapAdd").toString().contains("NET_ADMIN"));
    assertTrue(c.path("Config").path("Env").toString()
        .contains("SSH_AUTHORIZED_KEY=" + PUBLIC_KEY));
    assertEquals(d, c.path("Config").path("Labels").path(Labels.DEPLOYMENT).asText());
    assertEquals("mesos-master-server-0", c.path("Config").path("Hostname").asText());
    assertTrue(node.privateAddress().startsWith("172.28.55."), node.privateAddress());
    assertEquals("root", node.loginUser());

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(node.privateAddress(), node.sshPort()), 1000);
        byte[] banner = s.getInputStream().readNBytes(4);
        assertEquals("SSH-", new String(banner, java.nio.charset.StandardCharsets.US_ASCII));
        return;
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError("sshd of " + node + " never answered", last);
  }

  @Test
  void anUnknownImageIsOneClearSentenceAndNothingIsPulled() {
    String d = newDeployment();
    CreateResult result = cloud.create(List.of(failingSpec(d, "x")));
    String why = result.failed().get("x");
    assertTrue(why.contains("unknown image 'regatta/no-such-image:never'"), why);
    assertTrue(why.contains("node x") && why.contains("cloud 'local'"), why);
  }

  @Test
  void anEngineThatDoesNotAnswerSaysRunBinSetup() throws CloudException {
    CloudConfig nowhere = CloudConfig.builder("local", Provider.LOCAL)
        .endpoint("http://127.0.0.1:9").build();
    try (JcloudsCloud dead = JcloudsCloud.open(nowhere)) {
      CreateResult result = dead.create(List.of(spec("ct-nowhere", "n")));
      String why = result.failed().get("n");
      assertTrue(why.contains("not reachable") && why.contains("run bin/setup"), why);
      CloudException e = org.junit.jupiter.api.Assertions.assertThrows(CloudException.class,
          () -> dead.list("ct-nowhere"));
      assertTrue(e.getMessage().contains("run bin/setup"), e.getMessage());
    }
  }

  /** Numbers, not assertions: create and destroy time per node, one at a time and in parallel. */
  @Test
  void measureCreateAndDestroy() throws CloudException {
    int single = 3;
    List<Double> creates = new ArrayList<>();
    List<Double> destroys = new ArrayList<>();
    for (int i = 0; i < single; i++) {
      String d = newDeployment();
      long t0 = System.nanoTime();
      CreateResult r = cloud.create(List.of(spec(d, "m" + i)));
      long t1 = System.nanoTime();
      assertTrue(r.allCreated(), () -> "failed: " + r.failed());
      cloud.destroy(ids(r.created()));
      long t2 = System.nanoTime();
      creates.add((t1 - t0) / 1e9);
      destroys.add((t2 - t1) / 1e9);
    }
    int n = 6;
    String d = newDeployment();
    List<NodeSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      specs.add(spec(d, "p" + i));
    }
    long t0 = System.nanoTime();
    CreateResult r = cloud.create(specs);
    long t1 = System.nanoTime();
    assertTrue(r.allCreated(), () -> "failed: " + r.failed());
    cloud.destroy(ids(r.created()));
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "local docker, one node at a time: create %s s, destroy %s s%n",
        fmt(creates), fmt(destroys));
    System.out.printf(Locale.ROOT, "local docker, %d nodes in parallel: create %.2f s (%.2f s/node),"
        + " destroy %.2f s (%.2f s/node)%n", n, (t1 - t0) / 1e9, (t1 - t0) / 1e9 / n,
        (t2 - t1) / 1e9, (t2 - t1) / 1e9 / n);
  }

  private static String fmt(List<Double> xs) {
    return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
  }

  /** GET on the engine (loopback only); null when it does not answer 200. */
  private static JsonNode get(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ENGINE + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body().isEmpty() ? "{}" : 
          r.body().startsWith("OK") ? "{}" : r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
