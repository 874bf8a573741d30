package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.regatta.controlplane.scheduler.Fixtures.NOW;
import static org.regatta.controlplane.scheduler.Fixtures.agent;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchBackoffTest {

  private final LaunchBackoff backoff =
      new LaunchBackoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));

  @Test
  void growsByTheFactorUpToTheMaximum() {
    assertEquals(Duration.ZERO, backoff.delayAfter(0));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(8), backoff.delayAfter(3));
    assertEquals(Duration.ofSeconds(60), backoff.delayAfter(6));
    assertEquals(Duration.ofSeconds(60), backoff.delayAfter(10_000));
  }

  @Test
  void marathonDefaults() {
    LaunchBackoff d = LaunchBackoff.MARATHON_DEFAULT;
    assertEquals(Duration.ofSeconds(1), d.delayAfter(1));
    assertEquals(Duration.ofMillis(1322), d.delayAfter(3).truncatedTo(java.time.temporal
        .ChronoUnit.MILLIS));
    assertEquals(Duration.ofHours(1), d.delayAfter(200));
  }

  @Test
  void aDelayedTaskWaitsUntilItsTimeComes() {
    TaskRequest t = service("t1", "/web", 1, 64)
        .withNotBefore(backoff.notBefore(NOW, 2));
    List<Agent> agents = List.of(agent("a1", 4, 4096));
    Scheduler scheduler = Scheduler.withEqualWeights();

    SchedulingResult early = scheduler.schedule(ClusterView.of(agents), List.of(t),
        NOW.plusSeconds(3));
    assertEquals(List.of(new Delayed(t, NOW.plusSeconds(4))), early.delayed());
    assertEquals(List.of(), early.placements());

    SchedulingResult due = scheduler.schedule(ClusterView.of(agents), List.of(t),
        NOW.plusSeconds(4));
    assertEquals(1, due.placements().size());
    assertEquals(List.of(), due.delayed());
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> new LaunchBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new LaunchBackoff(Duration.ofSeconds(-1), 1, Duration.ofSeconds(1)));
  }
}
