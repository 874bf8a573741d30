package org.regatta.controlplane.protocol;

import java.util.List;
import java.util.Map;

/**
 * What masters and agents say to each other, as JSON over HTTP (each record is one body, its
 * components are the field names). Agent → master: {@code POST /internal/agents} with
 * {@link AgentInfo} (registration and heartbeat), {@code POST /internal/status} with a
 * {@link TaskReport} and the {@value #AGENT_HEADER} header. Master → agent:
 * {@code POST /internal/tasks} with a {@link Launch}, {@code DELETE /internal/tasks/{taskId}},
 * {@code GET /internal/tasks}, {@code GET /ping}. Absent collections read as empty.
 */
public final class AgentProtocol {

  public static final String AGENTS_PATH = "/internal/agents";
  public static final String STATUS_PATH = "/internal/status";
  public static final String TASKS_PATH = "/internal/tasks";
  public static final String AGENT_HEADER = "X-Regatta-Agent";

  private AgentProtocol() {}

  /**
   * An agent and everything it knows, sent at start and every heartbeat. {@code hostname} is the
   * address tasks are reached at; {@code url} is the agent's own API; {@code ports} are inclusive
   * {@code [begin, end]} ranges; {@code tasks} lists every task the agent knows, live or ended.
   */
  public record AgentInfo(
      String agentId,
      String hostname,
      String url,
      double cpus,
      double memMb,
      double diskMb,
      int gpus,
      List<List<Integer>> ports,
      Map<String, String> attributes,
      List<TaskReport> tasks) {

    public AgentInfo {
      ports = ports == null ? List.of() : ports.stream().map(List::copyOf).toList();
      attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
      tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
  }

  /**
   * One task as its agent sees it. {@code state} is a Mesos name ({@code TASK_RUNNING} …);
   * {@code healthy} is null when the task has no health check or no verdict yet;
   * {@code timestamp} is ISO-8601.
   */
  public record TaskReport(
      String taskId,
      String appId,
      String state,
      String message,
      List<Integer> ports,
      Boolean healthy,
      String timestamp) {

    public TaskReport {
      ports = ports == null ? List.of() : List.copyOf(ports);
    }
  }

  /**
   * Run one task of an app. {@code cmd} (run by {@code sh -c}) or {@code args}; {@code ports} are
   * the host ports the master assigned, {@code portNames} empty or one per port ("" unnamed);
   * {@code killGraceSeconds} 0 means the default (3 s).
   */
  public record Launch(
      String taskId,
      String appId,
      String cmd,
      List<String> args,
      Map<String, String> env,
      List<String> uris,
      double cpus,
      double memMb,
      List<Integer> ports,
      List<String> portNames,
      double killGraceSeconds,
      List<HealthCheck> healthChecks) {

    public Launch {
      args = args == null ? List.of() : List.copyOf(args);
      env = env == null ? Map.of() : Map.copyOf(env);
      uris = uris == null ? List.of() : List.copyOf(uris);
      ports = ports == null ? List.of() : List.copyOf(ports);
      portNames = portNames == null ? List.of() : portNames.stream()
          .map(n -> n == null ? "" : n).toList();
      healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
    }
  }

  /**
   * A health check as Marathon declares it. {@code protocol} is HTTP, TCP or COMMAND (MESOS_HTTP
   * and MESOS_TCP are read as HTTP and TCP); {@code portIndex} null means 0;
   * {@code intervalSeconds} and {@code timeoutSeconds} 0 mean Marathon's defaults (60 s, 20 s);
   * {@code maxConsecutiveFailures} 0 means never kill.
   */
  public record HealthCheck(
      String protocol,
      String path,
      Integer portIndex,
      String command,
      int gracePeriodSeconds,
      int intervalSeconds,
      int timeoutSeconds,
      int maxConsecutiveFailures) {}
}
