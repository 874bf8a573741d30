package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TaskSupervisorTest {

  @Test
  void anUnhealthyTaskIsKilledAndTheChecksStop(@TempDir Path work) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    RecordingListener statuses = new RecordingListener();
    List<HealthResult> health = new ArrayList<>();
    TaskRunner.Config config = new TaskRunner.Config(work, "127.0.0.1",
        Cgroups.disabled("test"), () -> false, TaskRunner.DEFAULT_INHERITED_ENV);
    int deadPort = HealthCheckerTest.freePort();
    try (TaskSupervisor supervisor = new TaskSupervisor(config, UriFetcher.withDefaults(), clock,
        scheduler, "127.0.0.1", statuses, r -> {
          synchronized (health) {
            health.add(r);
          }
        })) {
      TaskHandle task = supervisor.launch(TaskSpec.builder("sick.1", "/sick")
          .cmd("sleep 1000").port(deadPort, "")
          .healthCheck(HealthCheckSpec.tcp().withTiming(Duration.ZERO, Duration.ofSeconds(1),
              Duration.ofSeconds(1)).withMaxConsecutiveFailures(2))
          .killGracePeriod(Duration.ofMillis(200))
          .build());
      Await.until("checks to start", Duration.ofSeconds(10),
          () -> supervisor.healthChecker().state("sick.1").isPresent());
      scheduler.runDue();
      scheduler.advance(Duration.ofSeconds(1));
      TaskStatus end = task.terminal().get(10, TimeUnit.SECONDS);
      assertEquals(TaskState.KILLED, end.state());
      assertTrue(end.message().contains("failed 2 health checks in a row"), end.message());
      assertTrue(supervisor.healthChecker().state("sick.1").isEmpty(), "checks stopped");
      synchronized (health) {
        assertEquals(HealthState.UNHEALTHY, health.get(health.size() - 1).state());
      }
      assertEquals(List.of(TaskState.STAGING, TaskState.STARTING, TaskState.RUNNING,
          TaskState.KILLED), statuses.states("sick.1"));
    }
  }
}
