package org.regatta.controlplane.agent.daemon;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.regatta.controlplane.agent.AgentResources;
import org.regatta.controlplane.agent.CheckScheduler;
import org.regatta.controlplane.agent.HealthResult;
import org.regatta.controlplane.agent.KillResult;
import org.regatta.controlplane.agent.TaskHandle;
import org.regatta.controlplane.agent.TaskRunner;
import org.regatta.controlplane.agent.TaskState;
import org.regatta.controlplane.agent.TaskStatus;
import org.regatta.controlplane.agent.TaskSupervisor;
import org.regatta.controlplane.agent.UriFetcher;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/**
 * A Regatta agent: the task runtime ({@link TaskSupervisor}) behind an HTTP API for the masters,
 * a heartbeat that registers with the leading master, and an outbox that pushes every state and
 * health change to it in order. See this package's README.
 */
public final class AgentDaemon implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AgentDaemon.class.getName());

  /**
   * How an agent runs. {@code masters} are base URLs ({@code http://10.0.0.1:8080}), tried in
   * order; {@code advertiseHost} is the address masters and other tasks reach this node at (its
   * {@code hostname} in registration, {@code HOST} for tasks); {@code checkHost} is where HTTP and
   * TCP health checks connect. Build one with {@link #builder}.
   */
  public record Config(
      List<URI> masters,
      InetSocketAddress listen,
      String advertiseHost,
      Path workDir,
      AgentResources resources,
      TaskRunner.Config runtime,
      String checkHost,
      Duration heartbeat,
      Duration requestTimeout,
      Backoff pushBackoff,
      Duration terminalRetention,
      Duration closeFlush,
      boolean killTasksOnClose,
      Clock clock) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

    public Config {
      masters = List.copyOf(masters);
      if (masters.isEmpty()) {
        throw new IllegalArgumentException("an agent needs at least one master URL");
      }
      masters.forEach(MasterClient::origin);
      Objects.requireNonNull(listen, "listen");
      Objects.requireNonNull(advertiseHost, "advertiseHost");
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(resources, "resources");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(checkHost, "checkHost");
      for (Duration d : List.of(heartbeat, requestTimeout)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("heartbeat and requestTimeout must be > 0, got " + d);
        }
      }
      Objects.requireNonNull(pushBackoff, "pushBackoff");
      Objects.requireNonNull(terminalRetention, "terminalRetention");
      Objects.requireNonNull(closeFlush, "closeFlush");
      Objects.requireNonNull(clock, "clock");
    }

    /** The required parts; the rest have production defaults. */
    public static Builder builder(List<URI> masters, String advertiseHost, Path workDir,
        AgentResources resources) {
      return new Builder(masters, advertiseHost, workDir, resources);
    }
  }

  /** Builds a {@link Config}; every setter is optional. */
  public static final class Builder {
    private final List<URI> masters;
    private final String advertiseHost;
    private final Path workDir;
    private final AgentResources resources;
    private InetSocketAddress listen = new InetSocketAddress(5051);
    private TaskRunner.Config runtime;
    private String checkHost;
    private Duration heartbeat = Config.DEFAULT_HEARTBEAT;
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Backoff pushBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    private Duration terminalRetention = Duration.ofMinutes(10);
    private Duration closeFlush = Duration.ofSeconds(5);
    private boolean killTasksOnClose = true;
    private Clock clock = Clock.systemUTC();

    private Builder(List<URI> masters, String advertiseHost, Path workDir,
        AgentResources resources) {
      this.masters = List.copyOf(masters);
      this.advertiseHost = advertiseHost;
      this.workDir = workDir;
      this.resources = resources;
    }

    /** Where the API listens; default all interfaces, port 5051 (0 picks a free port). */
    public Builder listen(InetSocketAddress address) {
      this.listen = address;
      return this;
    }

    /** The task runtime's settings; default {@code TaskRunner.Config.of(workDir, host)}. */
    public Builder runtime(TaskRunner.Config config) {
      this.runtime = config;
      return this;
    }

    /** Where health checks connect; default the advertised host. */
    public Builder checkHost(String host) {
      this.checkHost = host;
      return this;
    }

    public Builder heartbeat(Duration every) {
      this.heartbeat = every;
      return this;
    }

    public Builder requestTimeout(Duration limit) {
      this.requestTimeout = limit;
      return this;
    }

    /** The waits between attempts to push a report; default 200 ms doubling to 10 s. */
    public Builder pushBackoff(Backoff backoff) {
      this.pushBackoff = backoff;
      return this;
    }

    /** How long an ended task stays in reports after its end was delivered; default 10 min. */
    public Builder terminalRetention(Duration retention) {
      this.terminalRetention = retention;
      return this;
    }

    /** How long {@code close()} waits to deliver the last reports; default 5 s. */
    public Builder closeFlush(Duration limit) {
      this.closeFlush = limit;
      return this;
    }

    /** Whether {@code close()} kills the tasks (default) or leaves them running. */
    public Builder killTasksOnClose(boolean kill) {
      this.killTasksOnClose = kill;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Config build() {
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(advertiseHost, "advertiseHost");
      return new Config(masters, listen, advertiseHost, workDir, resources,
          runtime != null ? runtime : TaskRunner.Config.of(workDir, advertiseHost),
          checkHost != null ? checkHost : advertiseHost, heartbeat, requestTimeout, pushBackoff,
          terminalRetention, closeFlush, killTasksOnClose, clock);
    }
  }

  private final Config config;
  private final String agentId;
  private final MasterClient masters;
  private final StatusOutbox outbox;
  private final TaskBook book;
  private final ScheduledExecutorService checks;
  private final TaskSupervisor supervisor;
  private final List<String> orphansKilled;
  private final AgentServer server;
  private final String url;
  private final Heartbeat heartbeat;
  private boolean closed;

  private AgentDaemon(Config config) throws IOException {
    this.config = config;
    this.agentId = AgentId.load(config.workDir());
    this.masters = new MasterClient(config.masters(), HttpClient.newBuilder()
        .connectTimeout(config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build(), config.requestTimeout());
    this.outbox = new StatusOutbox(masters, agentId, config.pushBackoff());
    this.book = new TaskBook(outbox::enqueue);
    this.checks = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "regatta-agent-health");
      t.setDaemon(true);
      return t;
    });
    this.supervisor = new TaskSupervisor(config.runtime(), UriFetcher.withDefaults(),
        config.clock(), CheckScheduler.of(checks), config.checkHost(), this::onStatus,
        this::onHealth);
    this.orphansKilled = supervisor.runner().killOrphans();
    if (!orphansKilled.isEmpty()) {
      LOG.log(Level.WARNING, "killed " + orphansKilled.size() + " task(s) an earlier agent on "
          + config.workDir() + " left running: " + orphansKilled);
    }
    AgentServer s;
    try {
      s = new AgentServer(config.listen(), new Api());
    } catch (IOException | RuntimeException e) {
      supervisor.close();
      checks.shutdownNow();
      throw e;
    }
    this.server = s;
    this.url = "http://" + urlHost(config.advertiseHost()) + ":" + server.port();
    this.heartbeat = new Heartbeat(masters, this::info, config.heartbeat(), this::expireEnded);
  }

  /**
   * Starts an agent: kills what an earlier agent on the work directory left running, serves the
   * API, and registers with the masters (in the background: masters need not be up yet).
   */
  public static AgentDaemon start(Config config) throws IOException {
    AgentDaemon d = new AgentDaemon(config);
    d.server.start();
    d.outbox.start();
    d.heartbeat.start();
    LOG.log(Level.INFO, "agent " + d.agentId + " serving " + d.url + "; masters "
        + config.masters());
    return d;
  }

  public String agentId() {
    return agentId;
  }

  /** The agent's API as masters reach it, e.g. {@code http://10.0.0.7:5051}. */
  public String url() {
    return url;
  }

  public int port() {
    return server.port();
  }

  /** The master that last accepted a registration or report. */
  public Optional<URI> leader() {
    return masters.leader();
  }

  /** The ids of the tasks killed at start because an earlier agent left them running. */
  public List<String> orphansKilled() {
    return orphansKilled;
  }

  /** Task reports queued and not yet taken by a master. */
  public int pendingReports() {
    return outbox.pending();
  }

  /** What a registration says now: resources and every task known. */
  public AgentInfo info() {
    AgentResources r = config.resources();
    return new AgentInfo(agentId, config.advertiseHost(), url, r.cpus(), r.memMb(), r.diskMb(),
        r.gpuCount(), r.ports().stream().map(p -> List.of(p.begin(), p.end())).toList(),
        r.attributes(), reports());
  }

  /** Every task known: its latest pushed report, or its current status when none was yet. */
  public List<TaskReport> reports() {
    Map<String, TaskReport> all = new LinkedHashMap<>();
    book.reports().forEach(t -> all.put(t.taskId(), t));
    for (TaskHandle h : supervisor.runner().tasks()) {
      all.computeIfAbsent(h.taskId(), id -> Reports.of(h.status(), h.spec().ports(), null));
    }
    return new ArrayList<>(all.values());
  }

  private void onStatus(TaskStatus status) {
    List<Integer> ports = supervisor.runner().task(status.taskId())
        .map(h -> h.spec().ports()).orElse(List.of());
    book.status(status, ports, () -> supervisor.healthChecker().state(status.taskId()));
  }

  private void onHealth(HealthResult result) {
    book.health(result.taskId(), result.timestamp(),
        () -> supervisor.healthChecker().state(result.taskId()));
  }

  /** After a beat: forgets ended tasks past retention, once their ends have been delivered. */
  private void expireEnded() {
    if (outbox.pending() > 0) {
      return;
    }
    for (String id : book.expire(config.clock().instant(), config.terminalRetention())) {
      supervisor.runner().forget(id);
    }
  }

  /**
   * Stops the heartbeat and the API, then kills the tasks (or, when configured, leaves them
   * running), and gives the last reports {@code closeFlush} to reach a master.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    heartbeat.close();
    server.close();
    if (config.killTasksOnClose()) {
      supervisor.close();
    } else {
      supervisor.runner().tasks().forEach(h -> supervisor.healthChecker().stop(h.taskId()));
      LOG.log(Level.INFO, "agent " + agentId + " stops and leaves its tasks running");
    }
    checks.shutdownNow();
    outbox.drain(config.closeFlush());
    outbox.close();
  }

  private static String urlHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The API's view of this agent. */
  private final class Api implements AgentServer.Tasks {
    /**
     * An id the agent knows is answered with its report, whatever the body (the master may send a
     * launch twice). A launch that cannot run is also reported TASK_FAILED: the master's launch
     * may not wait for this answer.
     */
    @Override
    public TaskReport launch(Launch launch) {
      Optional<TaskReport> known = launch.taskId() == null ? Optional.empty()
          : task(launch.taskId());
      if (known.isPresent()) {
        return known.get();
      }
      TaskHandle h;
      try {
        h = supervisor.launch(Launches.toSpec(launch));
      } catch (IllegalArgumentException e) {
        if (launch.taskId() != null && launch.appId() != null) {
          book.status(new TaskStatus(launch.taskId(), launch.appId(), TaskState.FAILED,
              "launch refused: " + e.getMessage(), config.clock().instant()), launch.ports(),
              Optional::empty);
        }
        throw e;
      }
      return book.report(h.taskId())
          .orElseGet(() -> Reports.of(h.status(), h.spec().ports(), null));
    }

    @Override
    public Optional<TaskReport> kill(String taskId) {
      if (supervisor.kill(taskId) == KillResult.UNKNOWN_TASK) {
        return Optional.empty();
      }
      return task(taskId);
    }

    @Override
    public Optional<TaskReport> task(String taskId) {
      return book.report(taskId).or(() -> supervisor.runner().task(taskId)
          .map(h -> Reports.of(h.status(), h.spec().ports(), null)));
    }

    @Override
    public List<TaskReport> tasks() {
      return reports();
    }
  }
}
