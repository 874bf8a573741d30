package org.regatta.controlplane.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the master asks an agent to run: one task of an app. A process task has {@code cmd} (run
 * by {@code sh -c}) or {@code args} (run directly); a Docker task has {@code docker} and may add
 * either.
 * {@code ports} are the host ports the master assigned, in order; {@code portNames} is empty or
 * names each of them ("" for an unnamed port). {@code cpus} and {@code memMb} are limits where the
 * kernel lets the agent enforce them.
 */
public record TaskSpec(
    String taskId,
    String appId,
    String cmd,
    List<String> args,
    Map<String, String> env,
    List<FetchUri> uris,
    double cpus,
    double memMb,
    List<Integer> ports,
    List<String> portNames,
    Duration killGracePeriod,
    DockerSpec docker,
    List<HealthCheckSpec> healthChecks) {

  /** Marathon's taskKillGracePeriodSeconds default is Mesos' 3 s. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(3);

  /** Safe as a directory and a container name: Marathon ids such as {@code web_api.4f1c…}. */
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public TaskSpec {
    Objects.requireNonNull(taskId, "taskId");
    if (!TASK_ID.matcher(taskId).matches()) {
      throw new IllegalArgumentException(
          "task id must match " + TASK_ID + ", got '" + taskId + "'");
    }
    Objects.requireNonNull(appId, "appId");
    if (appId.isBlank()) {
      throw new IllegalArgumentException("task " + taskId + ": appId must not be blank");
    }
    args = List.copyOf(args);
    if (cmd != null && cmd.isBlank()) {
      throw new IllegalArgumentException("task " + taskId + ": cmd must not be blank");
    }
    if (cmd != null && !args.isEmpty()) {
      throw new IllegalArgumentException("task " + taskId + ": give cmd or args, not both");
    }
    if (docker == null && cmd == null && args.isEmpty()) {
      throw new IllegalArgumentException("task " + taskId + ": needs cmd, args or a docker image");
    }
    env = Map.copyOf(env);
    for (String name : env.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "task " + taskId + ": env name '" + name + "' is not a valid variable name");
      }
    }
    uris = List.copyOf(uris);
    if (!(cpus >= 0) || !(memMb >= 0) || Double.isInfinite(cpus) || Double.isInfinite(memMb)) {
      throw new IllegalArgumentException(
          "task " + taskId + ": cpus and memMb must be finite and >= 0, got " + cpus + ", "
              + memMb);
    }
    ports = List.copyOf(ports);
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("task " + taskId + ": port " + port + " out of range");
      }
    }
    portNames = List.copyOf(portNames);
    if (!portNames.isEmpty() && portNames.size() != ports.size()) {
      throw new IllegalArgumentException("task " + taskId + ": " + portNames.size()
          + " port names for " + ports.size() + " ports");
    }
    Objects.requireNonNull(killGracePeriod, "killGracePeriod");
    if (killGracePeriod.isNegative()) {
      throw new IllegalArgumentException("task " + taskId + ": killGracePeriod must be >= 0");
    }
    if (docker != null && docker.network() == DockerSpec.Network.BRIDGE
        && docker.portMappings().size() > ports.size()) {
      throw new IllegalArgumentException("task " + taskId + ": " + docker.portMappings().size()
          + " port mappings but only " + ports.size() + " assigned host ports");
    }
    healthChecks = List.copyOf(healthChecks);
  }

  public static Builder builder(String taskId, String appId) {
    return new Builder(taskId, appId);
  }

  public boolean isDocker() {
    return docker != null;
  }

  /** The name of port {@code i}, "" when unnamed. */
  public String portName(int i) {
    return portNames.isEmpty() ? "" : portNames.get(i);
  }

  /** Builds a spec field by field; only the task id, the app id and a command are required. */
  public static final class Builder {
    private final String taskId;
    private final String appId;
    private String cmd;
    private List<String> args = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<FetchUri> uris = new ArrayList<>();
    private double cpus = 0.1;
    private double memMb = 32;
    private final List<Integer> ports = new ArrayList<>();
    private final List<String> portNames = new ArrayList<>();
    private Duration killGracePeriod = DEFAULT_KILL_GRACE;
    private DockerSpec docker;
    private final List<HealthCheckSpec> healthChecks = new ArrayList<>();

    private Builder(String taskId, String appId) {
      this.taskId = taskId;
      this.appId = appId;
    }

    public Builder cmd(String shellCommand) {
      this.cmd = shellCommand;
      return this;
    }

    public Builder args(List<String> argv) {
      this.args = List.copyOf(argv);
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder env(Map<String, String> vars) {
      env.putAll(vars);
      return this;
    }

    public Builder uri(FetchUri uri) {
      uris.add(uri);
      return this;
    }

    public Builder cpus(double n) {
      this.cpus = n;
      return this;
    }

    public Builder memMb(double mb) {
      this.memMb = mb;
      return this;
    }

    /** Adds an assigned host port; {@code name} may be "" for an unnamed port. */
    public Builder port(int port, String name) {
      ports.add(port);
      portNames.add(name == null ? "" : name);
      return this;
    }

    public Builder killGracePeriod(Duration grace) {
      this.killGracePeriod = grace;
      return this;
    }

    public Builder docker(DockerSpec spec) {
      this.docker = spec;
      return this;
    }

    public Builder healthCheck(HealthCheckSpec check) {
      healthChecks.add(check);
      return this;
    }

    public TaskSpec build() {
      boolean anyName = portNames.stream().anyMatch(n -> !n.isEmpty());
      return new TaskSpec(taskId, appId, cmd, args, env, uris, cpus, memMb, ports,
          anyName ? portNames : List.of(), killGracePeriod, docker, healthChecks);
    }
  }
}
