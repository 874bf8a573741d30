package org.regatta.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.orchestrator.deploy.Workspace;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.KnownHosts;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshConnector;
import org.regatta.provisioner.ssh.SshTarget;

/**
 * The HA cluster on the real local cloud: Docker nodes through jclouds, roles over SSH, real
 * ZooKeeper and Consul. Needs bin/setup (CI runs it); skips with the reason otherwise.
 */
class LocalClusterIT {

  @TempDir
  static Path home;

  static String previousHome;
  final List<String> deployments = new ArrayList<>();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void useATemporaryHome() {
    LocalCloud.assumeReady("LocalClusterIT");
    previousHome = System.getProperty("regatta.home");
    System.setProperty("regatta.home", home.toString());
  }

  @AfterAll
  static void restoreHome() {
    if (previousHome == null) {
      System.clearProperty("regatta.home");
    } else {
      System.setProperty("regatta.home", previousHome);
    }
  }

  /** Whatever a test left, goes: no container of its deployments survives it. */
  @AfterEach
  void undeployEverything() {
    for (String id : deployments) {
      if (!LocalCloud.containers(id).isEmpty()) {
        Cli.run("undeploy", id, "-q");
      }
      List<String> left = LocalCloud.containers(id);
      if (!left.isEmpty()) {
        LocalCloud.docker(concat(List.of("rm", "-f"), left));
      }
    }
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  private String deploy(String template, String... extra) {
    List<String> args = new ArrayList<>(List.of("deploy",
        Cli.root().resolve(template).toString(), "-q"));
    args.addAll(List.of(extra));
    Cli c = Cli.run(args.toArray(String[]::new));
    String id = c.out().lines().filter(l -> l.startsWith("deployment ")).findFirst()
        .map(l -> l.split(" ")[1]).orElseThrow(() -> new AssertionError(c.all()));
    deployments.add(id);
    assertEquals(0, c.exit(), c::all);
    return id;
  }

  private static JsonNode status(String id) throws IOException {
    Cli c = Cli.run("status", id, "-o", "json");
    assertEquals(0, c.exit(), c::all);
    return JSON.readTree(c.out());
  }

  private static List<String> addresses(JsonNode status, String prefix) {
    List<String> out = new ArrayList<>();
    status.get("nodes").forEach(n -> {
      if (n.get("name").asText().startsWith(prefix)
          && !n.get("state").asText().equals("DELETED")) {
        out.add(n.get("private_address").asText());
      }
    });
    return out;
  }

  /** Runs a command on a node with the deployment's own key; its output. */
  private static String exec(String id, String address, String command) throws Exception {
    Workspace ws = Workspace.defaultLocation();
    SshConnector ssh = new SshConnector(KeyPairs.load(ws.sshDir(id)),
        KnownHosts.open(home.resolve("test-known-hosts-" + address)));
    StringBuilder out = new StringBuilder();
    try (RemoteShell shell = ssh.connect(new SshTarget("root", address, 22),
        Duration.ofSeconds(30))) {
      shell.exec(command, line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  private static void eventually(String what, Duration limit, Supplier<Boolean> check)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (check.get()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s");
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json.isEmpty() ? "{}" : json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** An HTTP call to a node of the test's own deployment; the body, or "" when it fails. */
  private static String http(String method, String url, String body) {
    try {
      java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(url)).timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json").method(method, body == null
              ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(body));
      return java.net.http.HttpClient.newBuilder().followRedirects(
          java.net.http.HttpClient.Redirect.NORMAL).build().send(b.build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return "";
    }
  }

  private static long zkMode(String id, List<String> masters, String mode) {
    return masters.stream().filter(m -> {
      try {
        return exec(id, m, "echo srvr | nc -q1 127.0.0.1 2181").contains("Mode: " + mode);
      } catch (Exception e) {
        return false;
      }
    }).count();
  }

  private static boolean consulLeaderWith(String id, String master, int alive) {
    try {
      String peers = exec(id, master, "consul operator raft list-peers");
      String members = exec(id, master, "consul members");
      return peers.contains("leader") && members.lines().filter(l -> l.contains(" alive "))
          .count() == alive;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void haClusterDeploysSurvivesAMasterScalesAndUndeploysCleanly() throws Exception {
    String id = deploy("templates/mesos_cluster.yaml");
    JsonNode s = status(id);
    assertEquals("CREATE_COMPLETE", s.get("status").asText());
    List<String> masters = addresses(s, "mesos_master_server-");
    assertEquals(3, masters.size());
    assertEquals(2, addresses(s, "mesos_slave_server-").size());
    assertEquals(2, addresses(s, "mesos_lb_server-").size());
    assertEquals(7, LocalCloud.containers(id).size());
    assertTrue(s.at("/outputs/marathon_endpoint").asText()
        .matches("http://172\\.28\\.55\\.\\d+:8080"), s::toString);
    Cli outputs = Cli.run("outputs", id);
    assertTrue(outputs.out().contains("marathon_endpoint = http://"), outputs::all);

    eventually("a ZooKeeper quorum with one leader", Duration.ofSeconds(30),
        () -> zkMode(id, masters, "leader") == 1 && zkMode(id, masters, "follower") == 2);
    eventually("a Consul leader with all 7 members alive", Duration.ofSeconds(30),
        () -> consulLeaderWith(id, masters.get(0), 7));

    // the control plane: every master names the same leader, and an app runs on the agents
    eventually("every master naming the same control-plane leader", Duration.ofSeconds(60),
        () -> masters.stream().map(m -> http("GET", "http://" + m + ":8080/v2/leader", null))
            .distinct().count() == 1 && http("GET", "http://" + masters.get(0)
                + ":8080/v2/leader", null).contains("leader"));
    String created = http("POST", "http://" + masters.get(1) + ":8080/v2/apps",
        "{\"id\":\"/hello\",\"cmd\":\"exec python3 -m http.server $PORT0\",\"cpus\":0.1,"
            + "\"mem\":32,\"instances\":2,\"constraints\":[[\"hostname\",\"UNIQUE\"]]}");
    assertTrue(created.contains("\"id\":\"/hello\""), created);
    eventually("2 tasks of /hello running, one per agent, answering", Duration.ofSeconds(60),
        () -> {
          JsonNode tasks = tree(http("GET", "http://" + masters.get(2)
              + ":8080/v2/apps/hello/tasks", null)).path("tasks");
          int answering = 0;
          java.util.Set<String> hosts = new java.util.HashSet<>();
          for (JsonNode t : tasks) {
            hosts.add(t.path("host").asText());
            String body = http("GET", "http://" + t.path("host").asText() + ":"
                + t.path("ports").get(0).asInt() + "/", null);
            answering += body.contains("Directory listing") ? 1 : 0;
          }
          return answering == 2 && hosts.size() == 2;
        });

    // scale the agents 2 → 4 → 1, removing mesos_slave_server-0 first
    Cli up = Cli.run("scale", id, "mesos_slave_server", "4", "-q");
    assertEquals(0, up.exit(), up::all);
    assertEquals(4, addresses(status(id), "mesos_slave_server-").size());
    eventually("the new agents in Consul", Duration.ofSeconds(30),
        () -> consulLeaderWith(id, masters.get(0), 9));
    Cli down = Cli.run("scale", id, "mesos_slave", "1", "--remove", "mesos_slave_server-0",
        "-q");
    assertEquals(0, down.exit(), down::all);
    JsonNode after = status(id);
    List<String> agents = new ArrayList<>();
    after.get("nodes").forEach(n -> {
      if (n.get("name").asText().startsWith("mesos_slave_server-")) {
        agents.add(n.get("name").asText());
      }
    });
    // the removal list goes first, then the newest: -0, -3 and -2 go
    assertEquals(List.of("mesos_slave_server-1"), agents);
    assertEquals(6, LocalCloud.containers(id).size());

    // stop one master: the other two keep a ZooKeeper leader and a Consul leader. (After this
    // no node is added: Docker hands a stopped container's address to the next one.)
    String stopped = LocalCloud.docker("ps", "-q", "--filter", "label=org.regatta.deployment="
        + id, "--filter", "label=org.regatta.node=mesos_master_server-0").get(0);
    LocalCloud.docker("stop", "-t", "1", stopped);
    List<String> rest = masters.subList(1, 3);
    eventually("a ZooKeeper leader among the two masters left", Duration.ofSeconds(30),
        () -> zkMode(id, rest, "leader") == 1);
    eventually("a Consul leader among the two masters left", Duration.ofSeconds(30),
        () -> consulLeaderWith(id, rest.get(0), 5));

    Cli undeploy = Cli.run("undeploy", id, "-q");
    assertEquals(0, undeploy.exit(), undeploy::all);
    assertTrue(LocalCloud.containers(id).isEmpty());
    assertTrue(LocalCloud.volumes(id).isEmpty());
    assertEquals("DELETE_COMPLETE", status(id).get("status").asText());
  }

  @Test
  void aRoleThatFailsNamesNodeAndStepAndLeavesNoNode() throws Exception {
    Path empty = home.resolve("no-jars");
    java.nio.file.Files.createDirectories(empty.resolve("zookeeper"));
    String before = System.getProperty("regatta.node-lib");
    System.setProperty("regatta.node-lib", empty.toString());
    try {
      Cli c = Cli.run("deploy", Cli.root().resolve("templates/mesos_cluster_dev.yaml").toString(),
          "-q");
      String id = c.out().lines().filter(l -> l.startsWith("deployment ")).findFirst()
          .map(l -> l.split(" ")[1]).orElseThrow(() -> new AssertionError(c.all()));
      deployments.add(id);
      assertEquals(1, c.exit(), c::all);
      // the first role to fail names its node and step: which one depends on timing
      assertTrue(c.err().matches("(?s).*mesos_(master|slave)_server-0 \\(mesos_(master|slave),"
          + " step mesos_(master|slave)\\.create\\): role [a-z-]+: .*"), c::err);
      assertTrue(c.err().contains("orchestrator logs " + id + " --node"), c::err);
      assertEquals("CREATE_FAILED", status(id).get("status").asText());
      assertTrue(LocalCloud.containers(id).isEmpty(), "containers left behind");
    } finally {
      if (before == null) {
        System.clearProperty("regatta.node-lib");
      } else {
        System.setProperty("regatta.node-lib", before);
      }
    }
  }
}
