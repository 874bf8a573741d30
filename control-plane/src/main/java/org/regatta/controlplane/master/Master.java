package org.regatta.controlplane.master;

import java.net.InetSocketAddress;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * One master: a ZooKeeper session (10 s), leader election among the masters, the state store in
 * ZooKeeper, and the HTTP API. Every master runs the same; one leads at a time.
 */
public final class Master implements AutoCloseable {

  static final int SESSION_TIMEOUT_MS = 10_000;
  static final String ROOT = "/regatta";

  private final CuratorFramework zk;
  private final Leadership leadership;
  private final MasterServer server;
  private final DocumentStore store;
  private final ControlLoop loop;
  private final java.util.concurrent.ScheduledExecutorService ticker;

  private Master(CuratorFramework zk, Leadership leadership, MasterServer server,
      java.time.Duration agentTimeout) {
    this.zk = zk;
    this.leadership = leadership;
    this.server = server;
    this.store = new ZkDocumentStore(zk, ROOT + "/state");
    java.time.Clock clock = java.time.Clock.systemUTC();
    this.loop = new ControlLoop(store, new AgentRegistry(agentTimeout), AgentClient.http(), clock,
        java.time.Duration.ofSeconds(60));
    server.routes(new AppsApi(loop, clock, leadership.self()));
    leadership.onChange(leader -> {
      if (leader) {
        loop.becameLeader();
      }
    });
    this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "master-control-loop");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleWithFixedDelay(() -> {
      if (leadership.isLeader()) {
        try {
          loop.tick();
        } catch (Exception e) {
          // ZooKeeper unreachable for a moment: the next tick tries again
        }
      }
    }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * Starts a master. {@code advertise} is the URL other masters redirect to (e.g.
   * {@code http://172.28.55.130:8080}); with port 0 in {@code listen}, the bound port is used.
   */
  public static Master start(String zkConnect, InetSocketAddress listen, String advertiseHost)
      throws Exception {
    return start(zkConnect, listen, advertiseHost, java.time.Duration.ofSeconds(10));
  }

  /** {@code agentTimeout}: an agent silent this long is lost and its tasks replaced. */
  public static Master start(String zkConnect, InetSocketAddress listen, String advertiseHost,
      java.time.Duration agentTimeout) throws Exception {
    CuratorFramework zk = CuratorFrameworkFactory.builder().connectString(zkConnect)
        .sessionTimeoutMs(SESSION_TIMEOUT_MS).connectionTimeoutMs(5_000)
        .retryPolicy(new ExponentialBackoffRetry(200, 10, 2_000)).build();
    zk.start();
    try {
      MasterServer server = new MasterServer(listen, zkConnect);
      Leadership leadership = new Leadership(zk, ROOT + "/leader",
          "http://" + advertiseHost + ":" + server.port());
      Master m = new Master(zk, leadership, server, agentTimeout);
      server.start(leadership);
      leadership.start();
      return m;
    } catch (Exception e) {
      zk.close();
      throw e;
    }
  }

  public Leadership leadership() {
    return leadership;
  }

  public DocumentStore store() {
    return store;
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return leadership.self();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.close();
    leadership.close();
    zk.close();
  }
}
