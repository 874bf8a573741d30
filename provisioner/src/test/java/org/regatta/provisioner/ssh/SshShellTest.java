package org.regatta.provisioner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regatta.provisioner.ssh.SshException.Reason;

/**
 * {@link SshShell} and {@link SshConnector} against an in-JVM SSH server on loopback: the
 * {@link RemoteShellContract}, plus connecting (retry, host key pinning, refused key).
 */
class SshShellTest extends RemoteShellContract {

  private SshKey key;
  private KnownHosts knownHosts;
  private KeyPair hostKey;
  private TestSshServer server;

  @BeforeEach
  void setUp() throws IOException {
    key = KeyPairs.generate(tmp.resolve("keys"), "test");
    knownHosts = KnownHosts.open(tmp.resolve("known_hosts"));
    hostKey = TestSshServer.newHostKey();
    server = TestSshServer.start(0, hostKey, key.publicKey());
  }

  @AfterEach
  void tearDown() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Override
  RemoteShell open() throws SshException {
    return connect();
  }

  private SshTarget target() {
    return new SshTarget(System.getProperty("user.name"), "127.0.0.1", server.port());
  }

  private SshShell connect() throws SshException {
    return new SshConnector(key, knownHosts).connect(target());
  }

  @Test
  void retriesUntilTheServerComesUp() throws Exception {
    server.close();
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    SshTarget late = new SshTarget(System.getProperty("user.name"), "127.0.0.1", port);
    CompletableFuture<TestSshServer> starting = CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(700);
        return TestSshServer.start(late.port(), hostKey, key.publicKey());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    SshConnector connector = new SshConnector(key, knownHosts, Clock.systemUTC(), d -> {
      pauses.add(d);
      Thread.sleep(d.toMillis());
    }, Backoff.BOOT);
    try (SshShell shell = connector.connect(late, Duration.ofSeconds(20))) {
      assertEquals(0, shell.exec("true", l -> { }));
    } finally {
      server = starting.get(10, TimeUnit.SECONDS);
    }
    assertTrue(pauses.size() >= 2, pauses.toString());
    assertEquals(Duration.ofMillis(100), pauses.get(0));
  }

  @Test
  void aRefusedConnectionNamesTheTarget() throws Exception {
    server.close();
    SshException e = assertThrows(SshException.class, this::connect);
    assertEquals(Reason.REFUSED, e.reason());
    assertEquals("connection refused by " + target() + " (no sshd listening yet?)",
        e.getMessage());
    server = TestSshServer.start(0, hostKey, key.publicKey());
  }

  @Test
  void pinsTheHostKeyThenRejectsAChangedOne() throws Exception {
    int port = server.port();
    connect().close();
    String pinned = knownHosts.fingerprint("127.0.0.1", port).orElseThrow();
    connect().close(); // same key: fine

    server.close();
    server = TestSshServer.start(port, TestSshServer.newHostKey(), key.publicKey());
    SshException e = assertThrows(SshException.class, this::connect);

    assertEquals(Reason.HOST_KEY_CHANGED, e.reason());
    assertTrue(e.getMessage().startsWith("host key of " + target() + " changed: pinned "
        + pinned + " but the host presented SHA256:"), e.getMessage());
    assertTrue(e.getMessage().endsWith("remove its line from " + knownHosts.file()),
        e.getMessage());
    // the pin stays: a later attempt does not quietly accept the new key
    assertEquals(pinned, KnownHosts.open(knownHosts.file()).fingerprint("127.0.0.1", port)
        .orElseThrow());
    assertThrows(SshException.class, this::connect);
  }

  @Test
  void aRefusedKeyNamesTargetAndFingerprintAndIsNotRetried() throws Exception {
    SshKey stranger = KeyPairs.generate(tmp.resolve("other"), "stranger");
    List<Duration> pauses = new ArrayList<>();
    SshConnector connector = new SshConnector(stranger, knownHosts, new FakeClock(),
        pauses::add, Backoff.BOOT);

    SshException e = assertThrows(SshException.class,
        () -> connector.connect(target(), Duration.ofSeconds(30)));

    assertEquals(Reason.AUTH, e.reason());
    assertEquals(target() + " refused the deployment key " + stranger.fingerprint()
        + " (publickey authentication failed: is its public key in ~" + target().user()
        + "/.ssh/authorized_keys?)", e.getMessage());
    assertEquals(List.of(), pauses);
  }
}
