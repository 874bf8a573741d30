package org.regatta.controlplane.master;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -cp … org.regatta.controlplane.master.MasterMain ZK_CONNECT LISTEN_PORT
 * ADVERTISE_HOST}: runs a master until killed.
 */
public final class MasterMain {

  private MasterMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MasterMain ZK_CONNECT LISTEN_PORT ADVERTISE_HOST");
      System.exit(2);
    }
    Master m = Master.start(args[0], new InetSocketAddress(InetAddress.getByName("0.0.0.0"),
        Integer.parseInt(args[1])), args[2]);
    Runtime.getRuntime().addShutdownHook(new Thread(m::close));
    System.out.println("master " + m.url() + " started (ZooKeeper " + args[0] + ")");
    new CountDownLatch(1).await();
  }
}
