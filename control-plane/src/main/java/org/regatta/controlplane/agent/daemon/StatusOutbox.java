package org.regatta.controlplane.agent.daemon;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/**
 * Pushes task reports to the leading master, one at a time in the order they were queued: the
 * head is retried with backoff until a master takes it, so nothing overtakes it and a master that
 * is down for a while gets every change, in order, once it is back. A report a master finds
 * malformed (400, 422 …) is dropped with a warning: resending it cannot help, and it would block
 * the rest.
 */
final class StatusOutbox implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(StatusOutbox.class.getName());

  private final MasterClient masters;
  private final Map<String, String> headers;
  private final Backoff backoff;
  private final Deque<TaskReport> queue = new ArrayDeque<>();
  private final Thread sender;
  private boolean stopped;

  StatusOutbox(MasterClient masters, String agentId, Backoff backoff) {
    this.masters = Objects.requireNonNull(masters, "masters");
    this.headers = Map.of(AgentProtocol.AGENT_HEADER, agentId);
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.sender = new Thread(this::run, "regatta-agent-status-push");
    sender.setDaemon(true);
  }

  void start() {
    sender.start();
  }

  /** Queues a report; after {@link #close} it is dropped. */
  synchronized void enqueue(TaskReport report) {
    if (stopped) {
      LOG.log(Level.DEBUG, "agent closed; not pushing " + report);
      return;
    }
    queue.addLast(report);
    notifyAll();
  }

  /** Reports not yet taken by a master. */
  synchronized int pending() {
    return queue.size();
  }

  /** Waits until every queued report is delivered or {@code limit} passes; whether it emptied. */
  synchronized boolean drain(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      for (long left = limit.toNanos(); !queue.isEmpty() && left > 0;
          left = deadline - System.nanoTime()) {
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return queue.isEmpty();
  }

  @Override
  public void close() {
    int left;
    synchronized (this) {
      stopped = true;
      left = queue.size();
      notifyAll();
    }
    sender.interrupt();
    try {
      sender.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (left > 0) {
      LOG.log(Level.WARNING, left + " task report(s) not delivered before the agent stopped;"
          + " the masters learn the tasks' states from the next agent's registration");
    }
  }

  private void run() {
    int attempts = 0;
    try {
      while (true) {
        TaskReport head;
        synchronized (this) {
          while (queue.isEmpty() && !stopped) {
            wait();
          }
          if (stopped) {
            return;
          }
          head = queue.peekFirst();
        }
        MasterClient.Delivery d = masters.post(AgentProtocol.STATUS_PATH, Json.bytes(head),
            headers);
        if (d.outcome() != MasterClient.Outcome.UNREACHABLE) {
          if (d.outcome() == MasterClient.Outcome.REJECTED) {
            LOG.log(Level.WARNING, "dropped the report of task " + head.taskId() + " ("
                + head.state() + "): " + d.detail());
          }
          if (attempts > 0) {
            LOG.log(Level.INFO, "task reports reach " + d.master() + " again");
          }
          attempts = 0;
          synchronized (this) {
            queue.pollFirst();
            notifyAll();
          }
          continue;
        }
        Duration wait = backoff.delay(attempts);
        if (attempts == 0) {
          LOG.log(Level.WARNING, "cannot push task reports (" + pending() + " queued), retrying"
              + " with backoff: " + d.detail());
        }
        attempts++;
        pause(wait);
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /** Sleeps {@code d}, or less when the outbox closes; new reports do not cut it short. */
  private synchronized void pause(Duration d) throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    for (long left = d.toNanos(); left > 0 && !stopped; left = deadline - System.nanoTime()) {
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
