package org.regatta.controlplane.master;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;

/**
 * The agents the leader hears from, with when it last did. An agent silent for longer than the
 * timeout is lost: its tasks become TASK_LOST and are replaced elsewhere.
 */
public final class AgentRegistry {

  /** An agent's last report and when it arrived. */
  public record Seen(AgentInfo info, Instant at) {}

  private final Map<String, Seen> agents = new ConcurrentHashMap<>();
  private final Duration timeout;

  public AgentRegistry(Duration timeout) {
    this.timeout = timeout;
  }

  public void heard(AgentInfo info, Instant now) {
    agents.put(info.agentId(), new Seen(info, now));
  }

  public boolean alive(String agentId, Instant now) {
    Seen s = agents.get(agentId);
    return s != null && !s.at().plus(timeout).isBefore(now);
  }

  public List<Seen> active(Instant now) {
    return agents.values().stream().filter(s -> alive(s.info().agentId(), now)).toList();
  }

  public Optional<Seen> get(String agentId) {
    return Optional.ofNullable(agents.get(agentId));
  }

  public Duration timeout() {
    return timeout;
  }
}
