package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.regatta.controlplane.agent.HealthState;
import org.regatta.controlplane.agent.TaskState;
import org.regatta.controlplane.agent.TaskStatus;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

class TaskBookTest {

  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  private final List<TaskReport> pushed = new ArrayList<>();
  private final TaskBook book = new TaskBook(pushed::add);

  private static TaskStatus status(String id, TaskState state, int second) {
    return new TaskStatus(id, "/web", state, state + " message", T0.plusSeconds(second));
  }

  @Test
  void everyStateChangeIsPushedAndRemembered() {
    book.status(status("a", TaskState.STAGING, 0), List.of(31000), Optional::empty);
    book.status(status("b", TaskState.STAGING, 1), List.of(), Optional::empty);
    book.status(status("a", TaskState.RUNNING, 2), List.of(31000), Optional::empty);
    assertEquals(List.of("TASK_STAGING", "TASK_STAGING", "TASK_RUNNING"),
        pushed.stream().map(TaskReport::state).toList());
    TaskReport a = book.report("a").orElseThrow();
    assertEquals(new TaskReport("a", "/web", "TASK_RUNNING", "RUNNING message", List.of(31000),
        null, "2024-05-01T12:00:02Z"), a);
    assertEquals(List.of("a", "b"), book.reports().stream().map(TaskReport::taskId).toList(),
        "in order of first appearance");
  }

  @Test
  void healthIsPushedOnlyWhenTheVerdictChanges() {
    book.status(status("a", TaskState.STARTING, 0), List.of(), Optional::empty);
    assertTrue(book.health("a", T0, () -> Optional.of(HealthState.HEALTHY)).isEmpty(),
        "not running yet: the RUNNING report reads the verdict");
    book.status(status("a", TaskState.RUNNING, 1), List.of(),
        () -> Optional.of(HealthState.UNKNOWN));
    assertNull(book.report("a").orElseThrow().healthy());

    assertTrue(book.health("a", T0.plusSeconds(2), () -> Optional.of(HealthState.UNKNOWN))
        .isEmpty());
    TaskReport healthy = book.health("a", T0.plusSeconds(3),
        () -> Optional.of(HealthState.HEALTHY)).orElseThrow();
    assertEquals(Boolean.TRUE, healthy.healthy());
    assertEquals("TASK_RUNNING", healthy.state());
    assertEquals("2024-05-01T12:00:03Z", healthy.timestamp());
    assertTrue(book.health("a", T0.plusSeconds(4), () -> Optional.of(HealthState.HEALTHY))
        .isEmpty());
    assertEquals(Boolean.FALSE, book.health("a", T0.plusSeconds(5),
        () -> Optional.of(HealthState.FAILING)).orElseThrow().healthy());
    assertTrue(book.health("a", T0.plusSeconds(6), () -> Optional.of(HealthState.UNHEALTHY))
        .isEmpty(), "failing and unhealthy are both unhealthy");

    book.status(status("a", TaskState.KILLED, 7), List.of(),
        () -> Optional.of(HealthState.UNHEALTHY));
    assertNull(book.report("a").orElseThrow().healthy(), "an ended task has no verdict");
    assertTrue(book.health("a", T0.plusSeconds(8), () -> Optional.of(HealthState.HEALTHY))
        .isEmpty());
    assertEquals(5, pushed.size());
  }

  @Test
  void endedTasksExpireAfterTheRetention() {
    book.status(status("done", TaskState.FINISHED, 0), List.of(), Optional::empty);
    book.status(status("live", TaskState.RUNNING, 0), List.of(), Optional::empty);
    Duration keep = Duration.ofMinutes(10);
    assertEquals(List.of(), book.expire(T0.plus(keep).minusMillis(1), keep));
    assertEquals(List.of("done"), book.expire(T0.plus(keep), keep));
    assertEquals(List.of("live"), book.reports().stream().map(TaskReport::taskId).toList());
    assertEquals(List.of(), book.expire(T0.plus(Duration.ofDays(1)), keep));
  }

  @Test
  void verdictsReadAsMarathonCountsThem() {
    assertNull(Reports.healthy(Optional.empty()));
    assertNull(Reports.healthy(Optional.of(HealthState.UNKNOWN)));
    assertEquals(Boolean.TRUE, Reports.healthy(Optional.of(HealthState.HEALTHY)));
    assertEquals(Boolean.FALSE, Reports.healthy(Optional.of(HealthState.FAILING)));
    assertEquals(Boolean.FALSE, Reports.healthy(Optional.of(HealthState.UNHEALTHY)));
  }
}
