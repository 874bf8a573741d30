package org.regatta.controlplane.scheduler;

import java.time.Instant;

/** A task held back by its launch backoff; it is not offered before {@code until}. */
public record Delayed(TaskRequest task, Instant until) {

  public String reason() {
    return "launch delayed until " + until + " (backoff)";
  }
}
