package org.regatta.provisioner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regatta.provisioner.ssh.SshException.Reason;

/** Retry timing of {@link SshConnector#connect(SshTarget, Duration)} on a fake clock. */
class SshConnectorRetryTest {

  private static final SshTarget NODE = SshTarget.of("root", "172.28.55.11");

  private final FakeClock clock = new FakeClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper = d -> {
    sleeps.add(d);
    clock.advance(d);
  };

  /** Fails with {@code reason} the first {@code failures} times, each attempt costing 10 ms. */
  private SshConnector.Dialer failing(int failures, Reason reason, SshShell success) {
    int[] calls = {0};
    return (target, timeout) -> {
      clock.advance(Duration.ofMillis(10));
      if (calls[0]++ < failures) {
        throw new SshException(reason, "connection refused by " + target, null);
      }
      return success;
    };
  }

  @Test
  void backsOffExponentiallyUpToTheCapUntilTheNodeAnswers() throws SshException {
    SshShell shell = new SshShell(NODE, null);
    SshConnector connector = new SshConnector(failing(7, Reason.REFUSED, shell), clock, sleeper,
        Backoff.BOOT);

    assertSame(shell, connector.connect(NODE, Duration.ofSeconds(60)));
    assertEquals(List.of(ms(100), ms(200), ms(400), ms(800), ms(1600), ms(2000), ms(2000)),
        sleeps);
  }

  @Test
  void givesUpAtTheDeadlineWithTheLastError() {
    SshConnector connector = new SshConnector(failing(1000, Reason.REFUSED, null), clock,
        sleeper, Backoff.BOOT);

    SshException e = assertThrows(SshException.class,
        () -> connector.connect(NODE, Duration.ofSeconds(5)));

    assertEquals(Reason.DEADLINE, e.reason());
    assertTrue(e.getMessage().startsWith("root@172.28.55.11:22 did not answer SSH within 5 s ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("last error: connection refused by root@172.28.55.11:22"),
        e.getMessage());
    // attempts cost 10 ms each; the last pause is cut short so that the 7th and last attempt
    // starts right at the deadline
    assertEquals(List.of(ms(100), ms(200), ms(400), ms(800), ms(1600), ms(1840)), sleeps);
  }

  @Test
  void doesNotRetryARefusedKeyOrAChangedHostKey() {
    for (Reason permanent : List.of(Reason.AUTH, Reason.HOST_KEY_CHANGED)) {
      sleeps.clear();
      SshConnector connector = new SshConnector(failing(1, permanent, null), clock, sleeper,
          Backoff.BOOT);
      SshException e = assertThrows(SshException.class,
          () -> connector.connect(NODE, Duration.ofSeconds(60)));
      assertEquals(permanent, e.reason());
      assertEquals(List.of(), sleeps);
    }
  }

  @Test
  void backoffIsCapped() {
    Backoff b = new Backoff(ms(50), ms(300), 3);
    assertEquals(List.of(ms(50), ms(150), ms(300), ms(300)),
        List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(40)));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
