package org.regatta.controlplane.master;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;

/** The contract against a real ZooKeeper server (in this JVM, on loopback). */
class ZkDocumentStoreTest extends DocumentStoreContract {

  TestingServer server;
  CuratorFramework zk;

  @Override
  DocumentStore store() throws Exception {
    server = new TestingServer(true);
    zk = CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(100));
    zk.start();
    return new ZkDocumentStore(zk, "/regatta/state");
  }

  @AfterEach
  void stop() throws Exception {
    zk.close();
    server.close();
  }
}
