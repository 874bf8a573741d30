package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.KnownHosts;
import org.regatta.provisioner.ssh.SshConnector;
import org.regatta.provisioner.ssh.SshKey;
import org.regatta.provisioner.ssh.SshShell;
import org.regatta.provisioner.ssh.SshTarget;

/**
 * The zookeeper and consul-server roles on three real masters and consul-agent on a fourth node:
 * containers of regatta/node:latest on the regatta network (made by bin/setup), reached with
 * {@link SshShell}. Checks a ZooKeeper leader with two followers, a Consul leader with four
 * members, that a second run changes nothing, and that a killed ZooKeeper comes back under its
 * supervisor. Traffic goes only to
 * those containers. Skips, saying why, without Docker, the image or the ZooKeeper jars.
 */
class RolesIT {

  static final String IMAGE = "regatta/node:latest";
  static final String NETWORK = "regatta";
  static final String LABEL = "org.regatta.deployment=roles-it";
  static final int MASTERS = 3;
  /** The masters, then one agent node running consul-agent. */
  static final int NODES = MASTERS + 1;

  @TempDir
  Path tmp;

  private final List<String> containers = new ArrayList<>();
  private final List<SshShell> shells = new ArrayList<>();

  @Test
  void zookeeperAndConsulServersFormAQuorumAndStayPut() throws Exception {
    Path zkLib = zookeeperLib();
    skipUnless(docker("image", "inspect", "--format", "{{.Id}}", IMAGE).status == 0,
        "no Docker engine or no image " + IMAGE + " (run bin/setup)");
    skipUnless(docker("network", "inspect", NETWORK).status == 0,
        "no Docker network " + NETWORK + " (run bin/setup)");
    skipUnless(zkLib != null, "no ZooKeeper jars: set -Dregatta.zookeeper.lib=DIR (zookeeper 3.9"
        + " + runtime deps + metrics-core + snappy-java), or provide provisioner/target/zookeeper-lib");
    ExecutorService pool = Executors.newFixedThreadPool(NODES);
    try {
      run(pool, zkLib);
    } finally {
      pool.shutdownNow();
      shells.forEach(SshShell::close);
      if (!containers.isEmpty()) {
        List<String> rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(containers);
        docker(rm.toArray(String[]::new));
      }
    }
  }

  private void run(ExecutorService pool, Path zkLib) throws Exception {
    SshKey key = KeyPairs.generate(tmp.resolve("keys"), "roles-it");
    KnownHosts knownHosts = KnownHosts.open(tmp.resolve("known_hosts"));
    String suffix = Long.toHexString(System.nanoTime() & 0xffffff);

    long t0 = System.nanoTime();
    for (int i = 1; i <= NODES; i++) {
      Result r = docker("run", "-d", "--name", "roles-it-" + suffix + "-" + i, "--hostname",
          "r" + i, "--network", NETWORK, "--label", LABEL, "--cap-add", "NET_ADMIN",
          "-e", "SSH_AUTHORIZED_KEY=" + key.publicKeyLine(), IMAGE);
      assertEquals(0, r.status, r.out);
      containers.add(r.out.strip());
    }
    List<String> ips = new ArrayList<>();
    for (String c : containers) {
      Result r = docker("inspect", "-f",
          "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", c);
      String ip = r.out.strip();
      assertTrue(ip.startsWith("172.28.55."), "node address " + ip + " not on the test network");
      ips.add(ip);
    }
    SshConnector connector = new SshConnector(key, knownHosts);
    List<SshShell> opened = all(pool, i -> connector.connect(SshTarget.of("root", ips.get(i)),
        Duration.ofSeconds(60)));
    shells.addAll(opened);
    report("containers started and SSH up", t0);

    String gossip = ConsulRole.newGossipKey(new SecureRandom());
    List<String> masters = ips.subList(0, MASTERS);
    List<Map<String, Object>> vars = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      Map<String, Object> v = new HashMap<>();
      v.put(RoleVars.MASTERS, masters);
      v.put(RoleVars.PRIVATE_ADDRESS, ips.get(i));
      v.put(RoleVars.NODE_NAME, "r" + (i + 1));
      v.put(RoleVars.CONSUL_GOSSIP_KEY, gossip);
      v.put(RoleVars.ZOOKEEPER_LIB, zkLib);
      vars.add(v);
    }
    RoleRunner runner = new RoleRunner();
    // what the planner would give each node: masters zookeeper + consul-server, the agent consul
    List<List<Role>> plan = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      plan.add(i < MASTERS
          ? List.of(RoleCatalogue.get("zookeeper"), RoleCatalogue.get("consul-server"))
          : List.of(RoleCatalogue.get("consul-agent")));
    }

    long t = System.nanoTime();
    all(pool, i -> {
      for (Role role : plan.get(i)) {
        long tr = System.nanoTime();
        RoleRun r = runner.run(shells.get(i), role, vars.get(i),
            line -> System.out.println("[r" + (i + 1) + " " + role.name() + "] " + line));
        assertTrue(r.changed(), role.name() + " changed nothing on a new node");
        report("first run of " + role.name() + " on r" + (i + 1), tr);
      }
      return null;
    });
    report("first run of all roles on " + NODES + " nodes, in parallel", t);

    t = System.nanoTime();
    await("ZooKeeper leader + 2 followers", 60, () -> zkModes(masters).equals(
        List.of("follower", "follower", "leader")));
    report("ZooKeeper quorum after its role ran", t);
    t = System.nanoTime();
    await("Consul leader with " + NODES + " members", 60, () -> consulHealthy(ips.get(0)));
    report("Consul leader and " + NODES + " members", t);

    t = System.nanoTime();
    all(pool, i -> {
      for (Role role : plan.get(i)) {
        RoleRun r = runner.run(shells.get(i), role, vars.get(i), line -> { });
        assertEquals(List.of(), r.changes(), role.name() + " on r" + (i + 1)
            + " changed something the second time");
      }
      return null;
    });
    report("second run of all roles (all unchanged)", t);

    // the supervisor brings back a ZooKeeper that was killed, and the quorum is whole again
    String pid = out(shells.get(0), "cat /var/lib/regatta/run/zookeeper.pid");
    assertEquals(0, shells.get(0).exec("kill -9 " + pid, line -> { }));
    long tk = System.nanoTime();
    await("ZooKeeper restarted on r1", 30, () -> {
      String now = out(shells.get(0), "cat /var/lib/regatta/run/zookeeper.pid 2>/dev/null");
      return !now.isEmpty() && !now.equals(pid);
    });
    await("ZooKeeper quorum whole again", 60, () -> zkModes(masters).size() == MASTERS
        && zkModes(masters).stream().filter("leader"::equals).count() == 1);
    report("kill -9 ZooKeeper on r1 -> restarted and back in the quorum", tk);
    assertEquals(List.of(), runner.run(shells.get(0), plan.get(0).get(0), vars.get(0),
        line -> { }).changes());
  }

  /** ZooKeeper's 4lw {@code srvr} Mode of each node, sorted; a node that does not answer is left out. */
  private static List<String> zkModes(List<String> ips) {
    List<String> modes = new ArrayList<>();
    for (String ip : ips) {
      String srvr = fourLetterWord(ip, "srvr");
      Matcher m = Pattern.compile("Mode: (\\w+)").matcher(srvr);
      if (m.find()) {
        modes.add(m.group(1));
      }
    }
    modes.sort(null);
    return modes;
  }

  private static String fourLetterWord(String ip, String word) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, ZooKeeperRole.CLIENT_PORT), 1000);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write(word.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean consulHealthy(String ip) {
    String leader = http("http://" + ip + ":8500/v1/status/leader");
    String members = http("http://" + ip + ":8500/v1/agent/members");
    int alive = 0;
    for (Matcher m = Pattern.compile("\"Status\":\\s*1\\b").matcher(members); m.find(); ) {
      alive++;
    }
    return leader.matches("\"[0-9.]+:8300\"") && alive == NODES;
  }

  private static String http(String url) {
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
          .build().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
              .build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body().strip() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String out(SshShell shell, String command) {
    StringBuilder b = new StringBuilder();
    try {
      shell.exec(command, line -> b.append(line).append('\n'));
    } catch (Exception e) {
      return "";
    }
    return b.toString().strip();
  }

  private static void await(String what, int seconds, BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no " + what + " after " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  @FunctionalInterface
  interface NodeTask<T> {
    T on(int node) throws Exception;
  }

  /** Runs the task on every node in parallel; the first failure fails the test. */
  private static <T> List<T> all(ExecutorService pool, NodeTask<T> task) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      int node = i;
      futures.add(pool.submit((Callable<T>) () -> task.on(node)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(300, TimeUnit.SECONDS));
    }
    return results;
  }

  private static void report(String what, long startNanos) {
    System.out.printf("RolesIT timing: %s: %.2f s%n", what,
        (System.nanoTime() - startNanos) / 1e9);
  }

  /** The ZooKeeper jar directory: -Dregatta.zookeeper.lib, or provisioner/target/zookeeper-lib. */
  private static Path zookeeperLib() {
    String p = System.getProperty("regatta.zookeeper.lib", System.getenv("REGATTA_ZOOKEEPER_LIB"));
    Path dir = p != null ? Path.of(p) : Path.of("target", "zookeeper-lib");
    return Files.isDirectory(dir) ? dir : null;
  }

  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      System.out.println("RolesIT skipped: " + reason);
    }
    assumeTrue(condition, reason);
  }

  private record Result(int status, String out) {}

  private static Result docker(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
