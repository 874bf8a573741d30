package org.regatta.controlplane.scheduler;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small builders shared by the scheduler tests. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private Fixtures() {}

  /** An agent with hostname {@code <id>.test}, 10 GB disk and ports 31000-31099. */
  static Agent agent(String id, double cpus, double memMb) {
    return Agent.of(id, id + ".test",
        Resources.of(cpus, memMb, 10_000).withPorts(PortRange.of(31000, 31099)));
  }

  static Agent agent(String id, double cpus, double memMb, String... attributes) {
    Map<String, String> attrs = Arrays.stream(attributes).map(a -> a.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    return agent(id, cpus, memMb).withAttributes(attrs);
  }

  static TaskRequest service(String taskId, String appId, double cpus, double memMb) {
    return TaskRequest.of(taskId, appId, Framework.SERVICES, Resources.of(cpus, memMb, 0));
  }

  static TaskRequest job(String taskId, String appId, double cpus, double memMb) {
    return TaskRequest.of(taskId, appId, Framework.JOBS, Resources.of(cpus, memMb, 0));
  }

  static SchedulingResult schedule(List<Agent> agents, List<TaskRequest> pending) {
    return Scheduler.withEqualWeights().schedule(ClusterView.of(agents), pending, NOW);
  }

  static SchedulingResult schedule(ClusterView view, List<TaskRequest> pending) {
    return Scheduler.withEqualWeights().schedule(view, pending, NOW);
  }

  /** {@code n} instances {@code <app>.0 .. <app>.<n-1>} of the template's app. */
  static List<TaskRequest> instances(TaskRequest template, int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> new TaskRequest(template.appId() + "." + i, template.appId(),
            template.framework(), template.resources(), template.hostPorts(),
            template.constraints(), template.notBefore()))
        .toList();
  }

  /** Agent id per placed task, in placement order. */
  static List<String> agentsOf(SchedulingResult result) {
    return result.placements().stream().map(Placement::agentId).toList();
  }

  /** How many placements each agent got. */
  static Map<String, Long> perAgent(SchedulingResult result) {
    return result.placements().stream()
        .collect(Collectors.groupingBy(Placement::agentId, Collectors.counting()));
  }

  static RunningTask running(String taskId, String appId, String agentId) {
    return new RunningTask(taskId, appId, Framework.SERVICES, agentId, Resources.NONE,
        List.of());
  }
}
