package org.regatta.controlplane.agent;

import java.time.Instant;

/**
 * The result of one run of one health check of a task. {@code alive} says whether this run passed
 * (Marathon's {@code alive}); {@code state} is the check's verdict after it; {@code changed} says
 * whether the verdict differs from the one before.
 */
public record HealthResult(
    String taskId,
    int checkIndex,
    HealthCheckSpec.Protocol protocol,
    boolean alive,
    HealthState state,
    boolean changed,
    int consecutiveFailures,
    String message,
    Instant timestamp) {}
