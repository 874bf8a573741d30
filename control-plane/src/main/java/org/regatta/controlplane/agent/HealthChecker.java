package org.regatta.controlplane.agent;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the health checks of running tasks with Marathon's rules: each check runs at once and then
 * {@code interval} after the previous run ended; failures within {@code gracePeriod} of the start
 * are ignored until the task first passes; {@code maxConsecutiveFailures} failures in a row make it
 * UNHEALTHY. Timing comes from the injected scheduler and clock; results go to the listener.
 */
public final class HealthChecker {

  private static final System.Logger LOG = System.getLogger(HealthChecker.class.getName());

  private final CheckScheduler scheduler;
  private final Clock clock;
  private final HealthListener listener;
  private final Map<String, List<Check>> running = new ConcurrentHashMap<>();

  public HealthChecker(CheckScheduler scheduler, Clock clock, HealthListener listener) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Starts checking a task; its grace periods start now. Starting a task that is being checked
   * replaces its checks.
   */
  public void start(HealthTarget target, List<HealthCheckSpec> checks) {
    Instant now = clock.instant();
    List<Check> started = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      started.add(new Check(target, checks.get(i), i, now));
    }
    List<Check> previous = running.put(target.taskId(), List.copyOf(started));
    if (previous != null) {
      previous.forEach(Check::stop);
    }
    started.forEach(c -> c.scheduleIn(Duration.ZERO));
  }

  /** Stops a task's checks; false when it had none. */
  public boolean stop(String taskId) {
    List<Check> checks = running.remove(taskId);
    if (checks == null) {
      return false;
    }
    checks.forEach(Check::stop);
    return true;
  }

  /** The task's verdict over all its checks: the worst of them; empty when it is not checked. */
  public Optional<HealthState> state(String taskId) {
    List<Check> checks = running.get(taskId);
    if (checks == null || checks.isEmpty()) {
      return Optional.empty();
    }
    HealthState worst = HealthState.HEALTHY;
    for (Check c : checks) {
      worst = worse(worst, c.state());
    }
    return Optional.of(worst);
  }

  /** UNHEALTHY > FAILING > UNKNOWN > HEALTHY: a task is healthy only when every check says so. */
  static HealthState worse(HealthState a, HealthState b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(HealthState s) {
    return switch (s) {
      case HEALTHY -> 0;
      case UNKNOWN -> 1;
      case FAILING -> 2;
      case UNHEALTHY -> 3;
    };
  }

  /** One check of one task: its counters, and its next run. */
  private final class Check {
    private final HealthTarget target;
    private final HealthCheckSpec spec;
    private final int index;
    private final Instant graceEnds;
    private HealthState state = HealthState.UNKNOWN;
    private boolean passedOnce;
    private int consecutiveFailures;
    private boolean stopped;
    private CheckScheduler.Cancellable next;

    Check(HealthTarget target, HealthCheckSpec spec, int index, Instant start) {
      this.target = target;
      this.spec = spec;
      this.index = index;
      this.graceEnds = start.plus(spec.gracePeriod());
    }

    synchronized HealthState state() {
      return state;
    }

    synchronized void stop() {
      stopped = true;
      if (next != null) {
        next.cancel();
      }
    }

    synchronized void scheduleIn(Duration delay) {
      if (!stopped) {
        next = scheduler.schedule(this::runOnce, delay);
      }
    }

    private void runOnce() {
      synchronized (this) {
        if (stopped) {
          return;
        }
      }
      HealthProbes.Outcome outcome;
      try {
        outcome = HealthProbes.run(spec, target);
      } catch (RuntimeException e) {
        outcome = HealthProbes.Outcome.fail("check failed: " + e);
      }
      Optional<HealthResult> result = record(outcome, clock.instant());
      result.ifPresent(r -> {
        try {
          listener.onResult(r);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "health listener failed on " + r, e);
        }
      });
      scheduleIn(spec.interval());
    }

    /** Applies one outcome to the counters; empty when it is discarded. */
    private synchronized Optional<HealthResult> record(HealthProbes.Outcome outcome, Instant now) {
      if (stopped || outcome.verdict() == HealthProbes.Verdict.IGNORE) {
        return Optional.empty();
      }
      HealthState before = state;
      boolean alive = outcome.verdict() == HealthProbes.Verdict.PASS;
      String message = outcome.message();
      if (alive) {
        passedOnce = true;
        consecutiveFailures = 0;
        state = HealthState.HEALTHY;
      } else if (!passedOnce && now.isBefore(graceEnds)) {
        message = message + " (within the grace period: not counted)";
      } else {
        consecutiveFailures++;
        int max = spec.maxConsecutiveFailures();
        state = max > 0 && consecutiveFailures >= max ? HealthState.UNHEALTHY : HealthState.FAILING;
      }
      return Optional.of(new HealthResult(target.taskId(), index, spec.protocol(), alive, state,
          state != before, consecutiveFailures, message, now));
    }
  }
}
