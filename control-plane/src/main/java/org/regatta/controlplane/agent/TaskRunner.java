package org.regatta.controlplane.agent;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs tasks on this agent: STAGING (sandbox, fetch) → STARTING → RUNNING (process started) →
 * FINISHED / FAILED / KILLED. Each task runs under {@code setsid} in its own process group, with
 * {@code stdout} and {@code stderr} in its sandbox. Status updates go to the listener in order,
 * stamped by the injected clock. See this package's README for the flow.
 */
public final class TaskRunner implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

  /** The agent variables a task inherits; the rest of the agent's environment stays private. */
  public static final Set<String> DEFAULT_INHERITED_ENV = Set.of("PATH", "HOME", "LANG", "LC_ALL",
      "TZ", "USER", "LOGNAME", "TMPDIR", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CERT_PATH",
      "DOCKER_TLS_VERIFY");

  /** How long a Docker kill waits beyond the grace period before it removes the container. */
  private static final Duration DOCKER_STOP_SLACK = Duration.ofSeconds(10);

  /**
   * Where and how tasks run. {@code hostname} is what tasks see as {@code HOST};
   * {@code dockerEngine} says whether an engine answers now.
   */
  public record Config(
      Path workDir,
      String hostname,
      Cgroups cgroups,
      BooleanSupplier dockerEngine,
      Set<String> inheritedEnv) {

    public Config {
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(cgroups, "cgroups");
      Objects.requireNonNull(dockerEngine, "dockerEngine");
      inheritedEnv = Set.copyOf(inheritedEnv);
    }

    /** Production defaults: detected cgroups, the Docker engine the CLI would use. */
    public static Config of(Path workDir, String hostname) {
      return new Config(workDir, hostname, Cgroups.detect(null),
          DockerEngine.fromEnvironment(System.getenv())::answers, DEFAULT_INHERITED_ENV);
    }

    public Config withCgroups(Cgroups c) {
      return new Config(workDir, hostname, c, dockerEngine, inheritedEnv);
    }

    public Config withDockerEngine(BooleanSupplier engine) {
      return new Config(workDir, hostname, cgroups, engine, inheritedEnv);
    }
  }

  private final Config config;
  private final UriFetcher fetcher;
  private final Clock clock;
  private final TaskStatusListener listener;
  private final Map<String, TaskHandle> tasks = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final ExecutorService delivery;
  private final ScheduledExecutorService timers;
  private volatile boolean closed;

  public TaskRunner(Config config, UriFetcher fetcher, Clock clock, TaskStatusListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.workers = Executors.newCachedThreadPool(daemons("regatta-task-worker"));
    this.delivery = Executors.newSingleThreadExecutor(daemons("regatta-task-status"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemons("regatta-task-timer"));
  }

  public Config config() {
    return config;
  }

  /**
   * Starts {@code spec} in the background and returns its handle, in STAGING. Launching a task id
   * this runner already knows returns the known handle: the master may deliver a launch twice.
   */
  public TaskHandle launch(TaskSpec spec) {
    if (closed) {
      throw new IllegalStateException("task runner is closed; cannot launch " + spec.taskId());
    }
    Path sandbox = sandboxOf(spec.taskId());
    TaskStatus staging = status(spec, TaskState.STAGING,
        spec.uris().isEmpty() ? "staging" : "fetching " + spec.uris().size() + " uri(s)");
    TaskHandle fresh = new TaskHandle(spec, sandbox, staging);
    TaskHandle known = tasks.putIfAbsent(spec.taskId(), fresh);
    if (known != null) {
      return known;
    }
    publish(fresh, staging);
    workers.execute(() -> stage(fresh));
    return fresh;
  }

  /** Kills a task: SIGTERM to its process group, SIGKILL after its grace period. */
  public KillResult kill(String taskId) {
    return kill(taskId, "");
  }

  /** Kills a task and says why in its KILLED status (e.g. "failed 3 health checks in a row"). */
  public KillResult kill(String taskId, String reason) {
    TaskHandle h = tasks.get(taskId);
    if (h == null) {
      return KillResult.UNKNOWN_TASK;
    }
    Process p;
    synchronized (h) {
      if (h.state().isTerminal()) {
        return KillResult.ALREADY_TERMINAL;
      }
      if (h.killRequested()) {
        return KillResult.KILLING;
      }
      p = h.requestKill(Objects.requireNonNull(reason, "reason"));
    }
    if (p != null) {
      startKill(h);
    }
    return KillResult.KILLING;
  }

  public Optional<TaskHandle> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId));
  }

  /** Every task this runner knows, live or ended (until {@link #forget}). */
  public List<TaskHandle> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Drops an ended task from memory (its sandbox stays); false when it is unknown or live. */
  public boolean forget(String taskId) {
    TaskHandle h = tasks.get(taskId);
    return h != null && h.state().isTerminal() && tasks.remove(taskId, h);
  }

  /** The sandbox directory of a task id. */
  public Path sandboxOf(String taskId) {
    return config.workDir().toAbsolutePath().resolve("sandboxes").resolve(taskId);
  }

  /**
   * Kills what an earlier agent on this work directory left running (its tasks were in their own
   * sessions, so they outlived it) and returns their task ids. Call it once, before launching.
   */
  public List<String> killOrphans() {
    return PidFile.killOrphans(metaDir(), tasks.keySet());
  }

  /** Kills every live task (each with its grace period), waits for them, then stops. */
  @Override
  public void close() {
    closed = true;
    List<CompletableFuture<TaskStatus>> ends = new ArrayList<>();
    Duration longest = Duration.ZERO;
    for (TaskHandle h : tasks.values()) {
      if (!h.state().isTerminal()) {
        kill(h.taskId());
        ends.add(h.terminalFuture());
        if (h.spec().killGracePeriod().compareTo(longest) > 0) {
          longest = h.spec().killGracePeriod();
        }
      }
    }
    try {
      CompletableFuture.allOf(ends.toArray(CompletableFuture<?>[]::new))
          .get(longest.plus(DOCKER_STOP_SLACK).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      LOG.log(Level.WARNING, "tasks still running while the task runner closes: " + e);
    }
    timers.shutdownNow();
    workers.shutdown();
    delivery.shutdown();
    try {
      delivery.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the launch path, on a worker thread ----

  private void stage(TaskHandle h) {
    TaskSpec spec = h.spec();
    try {
      if (spec.isDocker() && !config.dockerEngine().getAsBoolean()) {
        end(h, TaskState.FAILED, "this agent has no Docker engine: cannot run image "
            + spec.docker().image());
        return;
      }
      Files.createDirectories(h.sandbox());
      Files.createDirectories(metaDir());
      for (FetchUri uri : spec.uris()) {
        if (h.killRequested()) {
          break;
        }
        fetcher.fetch(uri, h.sandbox());
      }
    } catch (IOException | RuntimeException e) {
      end(h, TaskState.FAILED, "Failed to stage the sandbox: " + describe(e));
      return;
    }
    if (h.killRequested()) {
      end(h, TaskState.KILLED, withReason("Killed before it started", h.killReason()));
      return;
    }
    move(h, TaskState.STARTING, "starting");
    start(h);
  }

  private void start(TaskHandle h) {
    TaskSpec spec = h.spec();
    Cgroups.Limits limits = spec.isDocker()
        ? new Cgroups.Limits(Optional.empty(), "limits enforced by Docker")
        : config.cgroups().prepare(spec.taskId(), spec.cpus(), spec.memMb());
    List<String> command = new ArrayList<>(List.of("setsid"));
    Map<String, String> env = new LinkedHashMap<>();
    System.getenv().forEach((k, v) -> {
      if (config.inheritedEnv().contains(k)) {
        env.put(k, v);
      }
    });
    if (spec.isDocker()) {
      Map<String, String> taskEnv = DockerCommand.environment(spec, config.hostname());
      command.addAll(DockerCommand.run(spec, h.sandbox(), taskEnv));
      env.putAll(DockerCommand.clientEnvironment(env, taskEnv));
    } else {
      command.addAll(Cgroups.wrap(limits.dir(), processCommand(spec)));
      env.putAll(TaskEnvironment.of(spec, config.hostname(), h.sandbox().toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(h.sandbox().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(h.sandbox().resolve("stdout").toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(h.sandbox().resolve("stderr").toFile()));
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      Cgroups.release(limits.dir());
      end(h, TaskState.FAILED, "Failed to start " + command.get(1) + ": " + describe(e));
      return;
    }
    // setsid execs in place (the JVM's child is no group leader), so the group id is the pid.
    // Never read it from /proc here: before setsid has run, the child is still in the JVM's group.
    long pgid = process.pid();
    PidFile.write(pidFile(spec.taskId()), process.pid(), spec.isDocker());
    boolean killEarly = h.started(process, pgid, limits.dir());
    process.onExit().thenAcceptAsync(p -> exited(h, p.exitValue()), workers);
    move(h, TaskState.RUNNING, "pid " + process.pid() + "; " + limits.description());
    if (killEarly) {
      startKill(h);
    }
  }

  private static List<String> processCommand(TaskSpec spec) {
    return spec.cmd() != null ? List.of("/bin/sh", "-c", spec.cmd()) : spec.args();
  }

  // ---- kill and exit ----

  private void startKill(TaskHandle h) {
    Duration grace = h.spec().killGracePeriod();
    if (h.spec().isDocker()) {
      workers.execute(() -> {
        ProcessGroups.run(DockerCommand.stop(h.taskId(), grace));
        schedule(() -> {
          if (h.process().isAlive()) {
            h.markSigkilled();
            ProcessGroups.signal(h.pgid(), "KILL");
            ProcessGroups.run(DockerCommand.remove(h.taskId()));
          }
        }, DOCKER_STOP_SLACK);
      });
      return;
    }
    if (grace.isZero()) {
      sigkill(h);
      return;
    }
    if (!ProcessGroups.signal(h.pgid(), "TERM")) {
      h.process().destroy(); // not yet in its own group: setsid has not run
    }
    schedule(() -> {
      if (h.process().isAlive()) {
        sigkill(h);
      }
    }, grace);
  }

  private static void sigkill(TaskHandle h) {
    h.markSigkilled();
    if (!ProcessGroups.signal(h.pgid(), "KILL")) {
      h.process().destroyForcibly();
    }
  }

  private void exited(TaskHandle h, int code) {
    TaskSpec spec = h.spec();
    if (!spec.isDocker()) {
      // the leader is gone; whatever it left in its group (background children) goes too
      ProcessGroups.signal(h.pgid(), "KILL");
    }
    Cgroups.release(h.cgroup());
    try {
      Files.deleteIfExists(pidFile(spec.taskId()));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete pid file of " + spec.taskId() + ": " + e.getMessage());
    }
    String grace = seconds(spec.killGracePeriod());
    if (h.killRequested()) {
      String how = h.sigkilled()
          ? "killed with SIGKILL after the " + grace + " kill grace period"
          : spec.isDocker() ? "stopped by docker stop within the " + grace
              + " kill grace period (status " + code + ")"
          : "exited with status " + code + " after SIGTERM, within the " + grace
              + " kill grace period";
      end(h, TaskState.KILLED, withReason("Command " + how, h.killReason()));
    } else if (code == 0) {
      end(h, TaskState.FINISHED, "Command exited with status 0");
    } else {
      end(h, TaskState.FAILED, failureMessage(h, code));
    }
  }

  private static String failureMessage(TaskHandle h, int code) {
    StringBuilder message = new StringBuilder("Command exited with status " + code);
    if (code > 128 && code <= 128 + 64) {
      message.append(" (terminated by signal ").append(code - 128).append(")");
    }
    if (h.spec().isDocker() && code >= 125 && code <= 127) {
      dockerError(h.sandbox().resolve("stderr")).ifPresent(l -> message.append(": ").append(l));
    }
    return message.toString();
  }

  // ---- state changes and delivery ----

  /** Moves and enqueues the status under the task's lock, so deliveries keep the moves' order. */
  private StateChangeResult move(TaskHandle h, TaskState next, String message) {
    synchronized (h) {
      Optional<TaskStatus> moved = h.move(status(h.spec(), next, message));
      if (moved.isEmpty()) {
        return h.check(next);
      }
      publish(h, moved.get());
      return StateChangeResult.SUCCESS;
    }
  }

  private void end(TaskHandle h, TaskState terminal, String message) {
    if (move(h, terminal, message) != StateChangeResult.SUCCESS) {
      LOG.log(Level.DEBUG, h + ": ignored a move to " + terminal + " (" + message + ")");
    }
  }

  /** Hands a status to the single delivery thread, which keeps the order of the changes. */
  private void publish(TaskHandle h, TaskStatus status) {
    Runnable deliver = () -> {
      try {
        listener.onStatus(status);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "status listener failed on " + status, e);
      }
      if (status.state().isTerminal()) {
        h.terminalFuture().complete(status);
      }
    };
    try {
      delivery.execute(deliver);
    } catch (RejectedExecutionException e) {
      deliver.run();
    }
  }

  private TaskStatus status(TaskSpec spec, TaskState state, String message) {
    return new TaskStatus(spec.taskId(), spec.appId(), state, message, clock.instant());
  }

  private void schedule(Runnable r, Duration delay) {
    try {
      timers.schedule(r, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      r.run();
    }
  }

  private Path metaDir() {
    return config.workDir().resolve("meta");
  }

  private Path pidFile(String taskId) {
    return metaDir().resolve(taskId + ".pid");
  }

  /** The client's own complaint ("docker: Error response from daemon: …"), else the last line. */
  static Optional<String> dockerError(Path stderr) {
    List<String> lines;
    try {
      lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<String> complaint = lines.stream().filter(l -> l.startsWith("docker: "))
        .reduce((first, second) -> second);
    if (complaint.isPresent()) {
      return complaint.map(String::strip);
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return Optional.of(lines.get(i).strip());
      }
    }
    return Optional.empty();
  }

  private static String withReason(String message, String reason) {
    return reason.isEmpty() ? message : message + " (" + reason + ")";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
