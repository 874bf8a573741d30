package org.regatta.controlplane.agent.daemon;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.regatta.controlplane.agent.Cgroups;
import org.regatta.controlplane.agent.ResourceDetector;
import org.regatta.controlplane.agent.TaskRunner;

/**
 * {@code java -cp … org.regatta.controlplane.agent.daemon.AgentMain MASTER_URLS LISTEN_PORT
 * ADVERTISE_HOST WORK_DIR [key=value …]}: runs an agent until killed. MASTER_URLS is
 * comma-separated; keys are the resource detector's ({@code ports}, {@code attributes},
 * {@code cpus}, {@code mem}, {@code disk}) and the agent's ({@code heartbeat_seconds},
 * {@code keep_tasks}, {@code check_host}, {@code cgroup_root}).
 */
public final class AgentMain {

  static final String USAGE = "usage: AgentMain MASTER_URLS LISTEN_PORT ADVERTISE_HOST WORK_DIR"
      + " [key=value …]";
  private static final Set<String> DETECTOR_KEYS = Set.of("ports", "attributes", "cpus", "mem",
      "disk");
  private static final Set<String> AGENT_KEYS = Set.of("heartbeat_seconds", "keep_tasks",
      "check_host", "cgroup_root");

  private AgentMain() {}

  /**
   * The command line, read: {@code detector} is the resource detector's configuration (with
   * {@code work_dir}); {@code heartbeat}, {@code checkHost} and {@code cgroupRoot} are null when
   * not given.
   */
  record Args(List<URI> masters, int port, String advertiseHost, Path workDir,
      Map<String, String> detector, Duration heartbeat, boolean keepTasks, String checkHost,
      Path cgroupRoot) {}

  public static void main(String[] argv) throws Exception {
    Args args;
    try {
      args = parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    AgentDaemon agent = AgentDaemon.start(config(args));
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "regatta-agent-shutdown"));
    System.out.println("agent " + agent.agentId() + " at " + agent.url() + " (masters "
        + args.masters() + ")");
    new CountDownLatch(1).await();
  }

  /** Probes the node (resources, cgroups) and builds the agent's configuration. */
  static AgentDaemon.Config config(Args args) {
    TaskRunner.Config runtime = TaskRunner.Config.of(args.workDir(), args.advertiseHost());
    if (args.cgroupRoot() != null) {
      runtime = runtime.withCgroups(Cgroups.detect(args.cgroupRoot()));
    }
    AgentDaemon.Builder b = AgentDaemon.Config.builder(args.masters(), args.advertiseHost(),
            args.workDir(), ResourceDetector.fromConfig(args.detector()).detect())
        .listen(new InetSocketAddress(args.port()))
        .runtime(runtime)
        .killTasksOnClose(!args.keepTasks());
    if (args.checkHost() != null) {
      b.checkHost(args.checkHost());
    }
    if (args.heartbeat() != null) {
      b.heartbeat(args.heartbeat());
    }
    return b.build();
  }

  /** Reads the command line; a bad argument throws IllegalArgumentException saying which. */
  static Args parse(String[] args) {
    if (args.length < 4) {
      throw new IllegalArgumentException("expected at least 4 arguments, got " + args.length);
    }
    List<URI> masters = Arrays.stream(args[0].split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).map(AgentMain::masterUrl).toList();
    if (masters.isEmpty()) {
      throw new IllegalArgumentException("MASTER_URLS names no master");
    }
    int port;
    try {
      port = Integer.parseInt(args[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LISTEN_PORT must be a number, got '" + args[1] + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("LISTEN_PORT must be within 0-65535, got " + port);
    }
    String host = args[2];
    Path workDir = Path.of(args[3]);
    Map<String, String> detector = new LinkedHashMap<>();
    Map<String, String> agent = new LinkedHashMap<>();
    for (String kv : Arrays.copyOfRange(args, 4, args.length)) {
      int eq = kv.indexOf('=');
      String key = eq < 0 ? kv : kv.substring(0, eq);
      if (eq < 0 || !(DETECTOR_KEYS.contains(key) || AGENT_KEYS.contains(key))) {
        throw new IllegalArgumentException("'" + kv + "' is not key=value with a key among "
            + DETECTOR_KEYS + " or " + AGENT_KEYS);
      }
      (DETECTOR_KEYS.contains(key) ? detector : agent).put(key, kv.substring(eq + 1));
    }
    detector.put("work_dir", workDir.toString());
    String heartbeat = agent.get("heartbeat_seconds");
    String cgroupRoot = agent.get("cgroup_root");
    return new Args(masters, port, host, workDir, Map.copyOf(detector),
        heartbeat == null ? null : seconds("heartbeat_seconds", heartbeat),
        bool("keep_tasks", agent.getOrDefault("keep_tasks", "false")), agent.get("check_host"),
        cgroupRoot == null ? null : Path.of(cgroupRoot));
  }

  private static URI masterUrl(String s) {
    try {
      URI u = URI.create(s.contains("://") ? s : "http://" + s);
      return MasterClient.origin(u);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("master URL '" + s + "' is not valid: " + e.getMessage());
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value
          + "'");
    };
  }

  private static Duration seconds(String key, String value) {
    double s;
    try {
      s = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number of seconds, got '" + value + "'");
    }
    if (!(s > 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException(key + " must be > 0, got " + value);
    }
    return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
  }
}
