package org.regatta.controlplane.agent;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code docker} command lines of a DOCKER task. The container runs attached, so the
 * {@code docker run} client lives as long as the container and exits with its status; it is named
 * {@code regatta-task-<id>} and labelled {@code org.regatta.task=<id>} so that an agent can find
 * its containers again. Variables go as {@code -e NAME} with the values in the client's
 * environment, so they never show in a process list.
 */
public final class DockerCommand {

  /** Where the sandbox is mounted inside the container, as Mesos mounts it. */
  public static final String SANDBOX_IN_CONTAINER = "/mnt/mesos/sandbox";
  public static final String TASK_LABEL = "org.regatta.task";
  public static final String APP_LABEL = "org.regatta.app";

  private DockerCommand() {}

  public static String containerName(String taskId) {
    return "regatta-task-" + taskId;
  }

  /**
   * {@code docker run} for {@code spec}; {@code env} holds the names to pass (their values go in
   * the client's environment, see {@link #clientEnvironment}).
   */
  public static List<String> run(TaskSpec spec, Path sandbox, Map<String, String> env) {
    DockerSpec docker = spec.docker();
    if (docker == null) {
      throw new IllegalArgumentException("task " + spec.taskId() + " has no docker container");
    }
    List<String> cmd = new ArrayList<>(List.of("docker", "run", "--rm",
        "--name", containerName(spec.taskId()),
        "--label", TASK_LABEL + "=" + spec.taskId(),
        "--label", APP_LABEL + "=" + spec.appId(),
        "--network", docker.network().name().toLowerCase(Locale.ROOT)));
    if (docker.network() == DockerSpec.Network.BRIDGE) {
      for (int i = 0; i < docker.portMappings().size(); i++) {
        DockerSpec.PortMapping m = docker.portMappings().get(i);
        int hostPort = spec.ports().get(i);
        int containerPort = m.containerPort() == 0 ? hostPort : m.containerPort();
        for (String protocol : m.protocol().split(",")) {
          cmd.add("-p");
          cmd.add(hostPort + ":" + containerPort + "/" + protocol);
        }
      }
    }
    env.forEach((name, value) -> {
      cmd.add("-e");
      cmd.add(steersClient(name) ? name + "=" + value : name);
    });
    cmd.add("-v");
    cmd.add(sandbox.toAbsolutePath() + ":" + SANDBOX_IN_CONTAINER);
    if (spec.cpus() > 0) {
      cmd.add("--cpus=" + BigDecimal.valueOf(spec.cpus()).stripTrailingZeros().toPlainString());
    }
    if (spec.memMb() > 0) {
      cmd.add("--memory=" + Math.max(6, (long) Math.ceil(spec.memMb())) + "m");
    }
    if (docker.forcePullImage()) {
      cmd.add("--pull=always");
    }
    for (DockerSpec.Parameter p : docker.parameters()) {
      cmd.add("--" + p.key() + "=" + p.value());
    }
    if (spec.cmd() != null) {
      cmd.add("--entrypoint");
      cmd.add("/bin/sh");
      cmd.add(docker.image());
      cmd.add("-c");
      cmd.add(spec.cmd());
    } else {
      cmd.add(docker.image());
      cmd.addAll(spec.args());
    }
    return cmd;
  }

  /**
   * The {@code docker run} client's environment: the agent's, plus the task's values for the
   * {@code -e NAME} options. Task variables that would steer the client itself (DOCKER_HOST…) are
   * passed with their values on the command line instead.
   */
  public static Map<String, String> clientEnvironment(
      Map<String, String> agentEnv, Map<String, String> taskEnv) {
    Map<String, String> env = new LinkedHashMap<>(agentEnv);
    taskEnv.forEach((name, value) -> {
      if (!steersClient(name)) {
        env.put(name, value);
      }
    });
    return env;
  }

  static boolean steersClient(String name) {
    return name.startsWith("DOCKER_");
  }

  /** The variables a task container sees: ports are host ports, the sandbox is the mount point. */
  public static Map<String, String> environment(TaskSpec spec, String host) {
    return TaskEnvironment.of(spec, host, SANDBOX_IN_CONTAINER);
  }

  /** {@code docker stop}: SIGTERM to the container's PID 1, SIGKILL after the grace (seconds). */
  public static List<String> stop(String taskId, Duration grace) {
    long seconds = grace.toSeconds() + (grace.toNanosPart() > 0 ? 1 : 0);
    return List.of("docker", "stop", "--time", Long.toString(seconds), containerName(taskId));
  }

  /** {@code docker rm -f}: the last resort when the client is gone but the container is not. */
  public static List<String> remove(String taskId) {
    return List.of("docker", "rm", "-f", containerName(taskId));
  }

  /** {@code docker exec … sh -c} for a COMMAND health check inside the container. */
  public static List<String> exec(String taskId, String shellCommand) {
    return List.of("docker", "exec", containerName(taskId), "/bin/sh", "-c", shellCommand);
  }
}
