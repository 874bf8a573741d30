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

  private Master(CuratorFramework zk, Leadership leadership, MasterServer server) {
    this.zk = zk;
    this.leadership = leadership;
    this.server = server;
    this.store = new ZkDocumentStore(zk, ROOT + "/state");
  }

  /**
   * Starts a master. {@code advertise} is the URL other masters redirect to (e.g.
   * {@code http://172.28.55.130:8080}); with port 0 in {@code listen}, the bound port is used.
   */
  public static Master start(String zkConnect, InetSocketAddress listen, String advertiseHost)
      throws Exception {
    CuratorFramework zk = CuratorFrameworkFactory.builder().connectString(zkConnect)
        .sessionTimeoutMs(SESSION_TIMEOUT_MS).connectionTimeoutMs(5_000)
        .retryPolicy(new ExponentialBackoffRetry(200, 10, 2_000)).build();
    zk.start();
    try {
      MasterServer server = new MasterServer(listen, zkConnect);
      Leadership leadership = new Leadership(zk, ROOT + "/leader",
          "http://" + advertiseHost + ":" + server.port());
      server.start(leadership);
      leadership.start();
      return new Master(zk, leadership, server);
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
    server.close();
    leadership.close();
    zk.close();
  }
}
