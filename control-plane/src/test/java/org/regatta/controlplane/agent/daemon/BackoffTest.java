package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesPerFailedAttemptUpToTheCap() {
    Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    assertEquals(Duration.ofMillis(200), b.delay(0));
    assertEquals(Duration.ofMillis(400), b.delay(1));
    assertEquals(Duration.ofMillis(800), b.delay(2));
    assertEquals(Duration.ofSeconds(1), b.delay(3));
    assertEquals(Duration.ofSeconds(1), b.delay(Integer.MAX_VALUE));
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    Backoff b = new Backoff(Duration.ofMillis(1), Duration.ofMillis(2));
    assertThrows(IllegalArgumentException.class, () -> b.delay(-1));
  }
}
