package org.regatta.controlplane.agent.daemon;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;

/**
 * Registers the agent at once and again every {@code interval}: each beat posts the full
 * {@link AgentInfo}, so a new leader learns the agent and its tasks from the next beat. Logs only
 * when contact changes (first registration, a new leader, lost, refused).
 */
final class Heartbeat implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

  private final MasterClient masters;
  private final Supplier<AgentInfo> info;
  private final Duration interval;
  private final Runnable afterBeat;
  private final ScheduledExecutorService timer;
  private String lastContact = "";

  Heartbeat(MasterClient masters, Supplier<AgentInfo> info, Duration interval,
      Runnable afterBeat) {
    this.masters = Objects.requireNonNull(masters, "masters");
    this.info = Objects.requireNonNull(info, "info");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be > 0, got " + interval);
    }
    this.interval = interval;
    this.afterBeat = Objects.requireNonNull(afterBeat, "afterBeat");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "regatta-agent-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    timer.scheduleWithFixedDelay(this::beatQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One registration, now. */
  MasterClient.Delivery beat() {
    AgentInfo now = info.get();
    MasterClient.Delivery d = masters.post(AgentProtocol.AGENTS_PATH, Json.bytes(now), Map.of());
    String contact = switch (d.outcome()) {
      case ACCEPTED -> "registered with " + leaderOf(d);
      case REJECTED -> "registration refused: " + d.detail();
      case UNREACHABLE -> "no master reachable: " + d.detail();
    };
    if (!contact.equals(lastContact)) {
      LOG.log(d.outcome() == MasterClient.Outcome.ACCEPTED ? Level.INFO : Level.WARNING,
          "agent " + now.agentId() + " " + contact);
      lastContact = contact;
    }
    return d;
  }

  private void beatQuietly() {
    try {
      beat();
      afterBeat.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat failed", e); // a thrown beat would end the schedule
    }
  }

  /** The leader the answer names, else the master that answered. */
  private static String leaderOf(MasterClient.Delivery d) {
    try {
      String named = Json.MAPPER.readTree(d.body()).path("leader").asText("");
      if (!named.isEmpty()) {
        return named;
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall back to who answered
    }
    URI m = d.master();
    return m == null ? "?" : MasterClient.origin(m).toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
