package org.regatta.controlplane.master;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;

/**
 * One leader among the masters, through Curator's LeaderLatch on the ZooKeeper ensemble. The
 * participant id is the master's advertised URL, so every master knows where the leader is. A
 * suspended or lost ZooKeeper session drops leadership (LeaderLatch's standard policy).
 */
public final class Leadership implements AutoCloseable {

  private final CuratorFramework zk;
  private final String path;
  private final String self;
  private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private volatile LeaderLatch latch;
  private boolean closed;

  public Leadership(CuratorFramework zk, String path, String self) {
    this.zk = zk;
    this.path = path;
    this.self = self;
  }

  /** Called with true on gaining and false on losing leadership. */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  public synchronized void start() throws Exception {
    LeaderLatch l = new LeaderLatch(zk, path, self);
    l.addListener(new LeaderLatchListener() {
      @Override
      public void isLeader() {
        listeners.forEach(c -> c.accept(true));
      }

      @Override
      public void notLeader() {
        listeners.forEach(c -> c.accept(false));
      }
    });
    l.start();
    latch = l;
  }

  public boolean isLeader() {
    LeaderLatch l = latch;
    return l != null && l.hasLeadership();
  }

  public String self() {
    return self;
  }

  /** The leader's advertised URL, when one is known. */
  public Optional<String> leader() {
    LeaderLatch l = latch;
    if (l == null) {
      return Optional.empty();
    }
    try {
      Participant p = l.getLeader();
      return p.isLeader() && !p.getId().isEmpty() ? Optional.of(p.getId()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Gives leadership up (what DELETE /v2/leader asks for) and stands again after {@code rejoin},
   * so that another master takes over first.
   */
  public synchronized void abdicate(java.time.Duration rejoin) throws Exception {
    LeaderLatch old = latch;
    latch = null;
    if (old != null) {
      old.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
    }
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(rejoin.toMillis());
        synchronized (this) {
          if (latch == null && !closed) {
            start();
          }
        }
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    }, "leadership-rejoin");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public synchronized void close() {
    closed = true;
    LeaderLatch l = latch;
    latch = null;
    if (l != null) {
      try {
        l.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
      } catch (IOException e) {
        // closing: the session's end releases the latch anyway
      }
    }
  }
}
