package org.regatta.controlplane.scheduler;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One agent as the master last heard of it. {@code used} holds the scalar resources its tasks
 * hold; the ports they hold are in {@code portsInUse}, so {@code used} carries no port ranges.
 */
public record Agent(
    String id,
    String hostname,
    Resources total,
    Resources used,
    Map<String, String> attributes,
    Set<Integer> portsInUse,
    AgentState state) {

  public Agent {
    requireText("id", id);
    requireText("hostname", hostname);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(state, "state");
    if (!used.ports().isEmpty()) {
      throw new IllegalArgumentException(
          "agent " + id + ": ports in use go in portsInUse, not in used resources");
    }
    attributes = Map.copyOf(attributes);
    portsInUse = Set.copyOf(portsInUse);
  }

  /** An idle ACTIVE agent with no attributes. */
  public static Agent of(String id, String hostname, Resources total) {
    return new Agent(id, hostname, total, Resources.NONE, Map.of(), Set.of(), AgentState.ACTIVE);
  }

  public Agent withUsed(Resources newUsed) {
    return new Agent(id, hostname, total, newUsed, attributes, portsInUse, state);
  }

  public Agent withAttributes(Map<String, String> newAttributes) {
    return new Agent(id, hostname, total, used, newAttributes, portsInUse, state);
  }

  public Agent withPortsInUse(Set<Integer> ports) {
    return new Agent(id, hostname, total, used, attributes, ports, state);
  }

  public Agent withState(AgentState newState) {
    return new Agent(id, hostname, total, used, attributes, portsInUse, newState);
  }

  /** The value a constraint on {@code field} sees here: the hostname, or the attribute. */
  public Optional<String> fieldValue(String field) {
    return Constraint.isHostnameField(field)
        ? Optional.of(hostname)
        : Optional.ofNullable(attributes.get(field));
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("agent " + name + " must not be blank");
    }
  }
}
