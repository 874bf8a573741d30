package org.regatta.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.controlplane.agent.AgentResources;
import org.regatta.controlplane.agent.daemon.AgentDaemon;

/**
 * Masters and agents together, on loopback with a real three-server ZooKeeper ensemble: an app of
 * small HTTP servers runs and answers on every task's port; kill the leader and no task is
 * restarted or duplicated; kill an agent and its tasks come back on the other one.
 */
class ControlPlaneIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  TestingCluster ensemble;
  final List<Master> masters = new ArrayList<>();
  final List<AgentDaemon> agents = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  @BeforeEach
  void start() throws Exception {
    ensemble = new TestingCluster(3);
    ensemble.start();
    for (int i = 0; i < 2; i++) {
      masters.add(Master.start(ensemble.getConnectString(),
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "127.0.0.1",
          Duration.ofSeconds(4)));
    }
    List<URI> urls = masters.stream().map(m -> URI.create(m.url())).toList();
    for (int i = 0; i < 2; i++) {
      int base = 31000 + 100 * i;
      AgentResources res = new AgentResources(2, 2048, 10000, List.of(),
          List.of(new AgentResources.PortRange(base, base + 99)), Map.of());
      agents.add(AgentDaemon.start(AgentDaemon.Config.builder(urls, "127.0.0.1",
          dir.resolve("agent" + i), res)
          .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .heartbeat(Duration.ofMillis(500)).build()));
    }
  }

  @AfterEach
  void stop() {
    agents.forEach(AgentDaemon::close);
    masters.forEach(Master::close);
    try {
      ensemble.close();
    } catch (java.io.IOException ignored) {
      // the servers are going away anyway
    }
  }

  private Master leader() {
    return masters.stream().filter(m -> m.leadership().isLeader()).findFirst().orElse(null);
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    Master any = masters.get(masters.size() - 1);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(any.url() + path))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private Set<String> runningTasks() throws Exception {
    Set<String> ids = new TreeSet<>();
    for (JsonNode t : call("GET", "/v2/apps/web/tasks", null).path("tasks")) {
      if (t.path("state").asText().equals("TASK_RUNNING")) {
        ids.add(t.path("id").asText());
      }
    }
    return ids;
  }

  private static void eventually(String what, Duration limit, Check check) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    Exception last = null;
    while (System.nanoTime() < end) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s"
        + (last == null ? "" : " (last error: " + last + ")"));
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private boolean answers(String host, int port) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":"
          + port + "/")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void appsRunSurviveTheLeaderAndMoveOffALostAgent() throws Exception {
    eventually("a leader", Duration.ofSeconds(20), () -> leader() != null);
    JsonNode created = call("POST", "/v2/apps", "{\"id\":\"/web\",\"instances\":2,\"cpus\":0.1,"
        + "\"mem\":32,\"cmd\":\"exec python3 -m http.server $PORT0 --bind 127.0.0.1\","
        + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/\",\"portIndex\":0,"
        + "\"gracePeriodSeconds\":5,\"intervalSeconds\":1,\"timeoutSeconds\":1,"
        + "\"maxConsecutiveFailures\":3}]}");
    assertEquals("/web", created.path("id").asText(), created::toString);

    eventually("2 running tasks", Duration.ofSeconds(40), () -> runningTasks().size() == 2);
    for (JsonNode t : call("GET", "/v2/apps/web/tasks", null).path("tasks")) {
      String host = t.path("host").asText();
      int port = t.path("ports").get(0).asInt();
      eventually("task " + t.path("id").asText() + " answering on " + port,
          Duration.ofSeconds(20), () -> answers(host, port));
    }
    eventually("both tasks healthy", Duration.ofSeconds(20),
        () -> call("GET", "/v2/apps/web", null).path("app").path("tasksHealthy").asInt() == 2);
    Set<String> before = runningTasks();

    // kill the leader: another takes over, the same tasks run, none is added
    Master old = leader();
    old.close();
    masters.remove(old);
    eventually("a new leader", Duration.ofSeconds(20), () -> leader() != null);
    Thread.sleep(6_000); // past the new leader's settling time: it must not launch anything
    assertEquals(before, runningTasks());
    assertEquals(2, call("GET", "/v2/tasks", null).path("tasks").size());

    // lose an agent: its tasks are replaced on the other one
    AgentDaemon lost = agents.remove(0);
    lost.close();
    eventually("2 running tasks again, all on the agent left", Duration.ofSeconds(40), () -> {
      JsonNode tasks = call("GET", "/v2/apps/web/tasks", null).path("tasks");
      int running = 0;
      for (JsonNode t : tasks) {
        running += t.path("state").asText().equals("TASK_RUNNING")
            && t.path("slaveId").asText().equals(agents.get(0).agentId()) ? 1 : 0;
      }
      return running == 2 && tasks.size() == 2;
    });

    // scale to 0 and delete: nothing left
    call("PUT", "/v2/apps/web", "{\"instances\":0}");
    eventually("no task", Duration.ofSeconds(20),
        () -> call("GET", "/v2/tasks", null).path("tasks").isEmpty());
    call("DELETE", "/v2/apps/web", null);
    assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(leader().url()
        + "/v2/apps/web")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }
}
