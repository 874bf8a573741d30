package org.regatta.provisioner.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.regatta.provisioner.ssh.SshException.Reason;

/**
 * Opens {@link SshShell}s for one deployment: its login key, its pinned host keys. Connecting
 * retries with capped exponential backoff while the node may still be booting (refused, reset,
 * timed out) until a deadline; a refused key or a changed host key fails at once.
 */
public final class SshConnector {

  /** One connection attempt; a seam so that retry timing is tested without a server. */
  @FunctionalInterface
  interface Dialer {
    SshShell dial(SshTarget target, Duration timeout) throws SshException;
  }

  /** The longest a single TCP connect + handshake may take before it counts as a failure. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  private final Dialer dialer;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;

  /** With the system clock, real sleeps and {@link Backoff#BOOT}. */
  public SshConnector(SshKey key, KnownHosts knownHosts) {
    this(key, knownHosts, Clock.systemUTC(), Sleeper.SYSTEM, Backoff.BOOT);
  }

  public SshConnector(SshKey key, KnownHosts knownHosts, Clock clock, Sleeper sleeper,
      Backoff backoff) {
    this(jschDialer(key, knownHosts), clock, sleeper, backoff);
  }

  SshConnector(Dialer dialer, Clock clock, Sleeper sleeper, Backoff backoff) {
    this.dialer = Objects.requireNonNull(dialer);
    this.clock = Objects.requireNonNull(clock);
    this.sleeper = Objects.requireNonNull(sleeper);
    this.backoff = Objects.requireNonNull(backoff);
  }

  /** Connects once, without retrying. */
  public SshShell connect(SshTarget target) throws SshException {
    return dialer.dial(target, ATTEMPT_TIMEOUT);
  }

  /**
   * Connects, retrying failures that a booting node shows until {@code bootTimeout} has passed.
   * The last attempt starts at the deadline at the latest.
   */
  public SshShell connect(SshTarget target, Duration bootTimeout) throws SshException {
    Instant start = clock.instant();
    Instant deadline = start.plus(bootTimeout);
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.between(clock.instant(), deadline);
      Duration timeout = left.compareTo(ATTEMPT_TIMEOUT) < 0 ? left : ATTEMPT_TIMEOUT;
      try {
        return dialer.dial(target, timeout.compareTo(Duration.ofSeconds(1)) < 0
            ? Duration.ofSeconds(1) : timeout);
      } catch (SshException e) {
        if (!e.reason().transientAtBoot()) {
          throw e;
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
          throw new SshException(Reason.DEADLINE, target + " did not answer SSH within "
              + seconds(bootTimeout) + " (" + attempt + " attempts); last error: "
              + e.getMessage(), e);
        }
        Duration pause = backoff.delay(attempt);
        Duration untilDeadline = Duration.between(now, deadline);
        try {
          sleeper.sleep(pause.compareTo(untilDeadline) < 0 ? pause : untilDeadline);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new SshException(Reason.OTHER, "interrupted while waiting for SSH on " + target,
              ie);
        }
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  private static Dialer jschDialer(SshKey key, KnownHosts knownHosts) {
    JSch jsch = new JSch();
    try {
      jsch.addIdentity(key.privateKey().toString());
    } catch (JSchException e) {
      throw new IllegalArgumentException("cannot use private key " + key.privateKey() + ": "
          + e.getMessage(), e);
    }
    return (target, timeout) -> {
      PinnedHostKeys pins = new PinnedHostKeys(knownHosts);
      Session session = null;
      try {
        session = jsch.getSession(target.user(), target.host(), target.port());
        session.setHostKeyRepository(pins);
        session.setConfig("StrictHostKeyChecking", "yes"); // PinnedHostKeys pins first contacts
        session.setConfig("PreferredAuthentications", "publickey");
        session.setServerAliveInterval(10_000); // a dead node fails a command after ~30 s
        session.setServerAliveCountMax(3);
        session.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return new SshShell(target, session);
      } catch (JSchException e) {
        if (session != null) {
          session.disconnect();
        }
        throw SshErrors.connect(target, e, pins, key);
      }
    };
  }
}
