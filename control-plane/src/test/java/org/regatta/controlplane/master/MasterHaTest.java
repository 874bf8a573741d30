package org.regatta.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two masters on a three-server ZooKeeper ensemble (real servers, loopback): one leads; kill the
 * leader or a ZooKeeper server, and a leader is there again with the state it wrote.
 */
class MasterHaTest {

  TestingCluster ensemble;
  final List<Master> masters = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() throws Exception {
    ensemble = new TestingCluster(3);
    ensemble.start();
    for (int i = 0; i < 2; i++) {
      masters.add(Master.start(ensemble.getConnectString(),
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "127.0.0.1"));
    }
  }

  @AfterEach
  void stop() throws Exception {
    masters.forEach(Master::close);
    ensemble.close();
  }

  private static void eventually(String what, Supplier<Boolean> check) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      if (check.get()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(what + " did not happen within 20 s");
  }

  private Master leader() {
    return masters.stream().filter(m -> m.leadership().isLeader()).findFirst().orElse(null);
  }

  private HttpResponse<String> get(Master m, String path, String method) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(m.url() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneLeaderEveryMasterKnowsAndOthersRedirectToIt() throws Exception {
    eventually("a leader", () -> leader() != null
        && masters.stream().allMatch(m -> m.leadership().leader().isPresent()));
    Master leader = leader();
    Master other = masters.get(0) == leader ? masters.get(1) : masters.get(0);
    assertTrue(!other.leadership().isLeader());
    String expected = "{\"leader\":\"127.0.0.1:" + leader.port() + "\"}";
    assertEquals(expected, get(leader, "/v2/leader", "GET").body());
    assertEquals(expected, get(other, "/v2/leader", "GET").body());
    assertEquals("pong", get(other, "/ping", "GET").body());
    HttpResponse<String> r = get(other, "/v2/apps?embed=apps.tasks", "GET");
    assertEquals(307, r.statusCode());
    assertEquals(leader.url() + "/v2/apps?embed=apps.tasks",
        r.headers().firstValue("Location").orElseThrow());
    assertTrue(get(leader, "/metrics", "GET").body().contains("regatta_master_leader 1"));
  }

  @Test
  void killTheLeaderTheOtherLeadsWithTheStateItWrote() throws Exception {
    eventually("a leader", () -> leader() != null);
    Master first = leader();
    first.store().put("apps", "/web", "{\"id\":\"/web\"}".getBytes());
    long t0 = System.nanoTime();
    first.close();
    masters.remove(first);
    eventually("a new leader", () -> leader() != null);
    System.out.printf("MasterHaTest: new leader %.2f s after the old one closed%n",
        (System.nanoTime() - t0) / 1e9);
    assertEquals("{\"id\":\"/web\"}", new String(leader().store().get("apps", "/web")
        .orElseThrow().data()));
  }

  @Test
  void aZooKeeperServerDiesAndTheMastersStillHaveALeader() throws Exception {
    eventually("a leader", () -> leader() != null);
    InstanceSpec victim = ensemble.getInstances().iterator().next();
    ensemble.killServer(victim);
    Thread.sleep(1_000);
    eventually("a leader after losing a ZooKeeper server", () -> leader() != null
        && masters.stream().allMatch(m -> m.leadership().leader().isPresent()));
    leader().store().put("apps", "/after", new byte[] {1});
    assertTrue(leader().store().get("apps", "/after").isPresent());
  }

  @Test
  void deleteLeaderHandsLeadershipOver() throws Exception {
    eventually("a leader", () -> leader() != null);
    Master first = leader();
    HttpResponse<String> r = get(first, "/v2/leader", "DELETE");
    assertEquals(200, r.statusCode());
    eventually("leadership on the other master", () -> leader() != null && leader() != first);
    assertNotEquals(first, leader());
  }
}
