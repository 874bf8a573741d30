package org.regatta.provisioner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.provisioner.ssh.KnownHosts.Outcome;

class KnownHostsTest {

  @TempDir
  Path tmp;

  private static byte[] blob(String type, int fill) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(4 + name.length + 4 + 32);
    b.putInt(name.length).put(name).putInt(32);
    for (int i = 0; i < 32; i++) {
      b.put((byte) fill);
    }
    return b.array();
  }

  @Test
  void pinsAtFirstContactThenAcceptsOnlyThatKey() throws IOException {
    Path file = tmp.resolve("known_hosts");
    KnownHosts hosts = KnownHosts.open(file);
    byte[] key = blob("ssh-ed25519", 1);
    byte[] other = blob("ssh-ed25519", 2);

    assertEquals(Outcome.PINNED, hosts.check("172.28.55.11", 22, key).outcome());
    assertEquals(Outcome.MATCHED, hosts.check("172.28.55.11", 22, key).outcome());
    KnownHosts.Check changed = hosts.check("172.28.55.11", 22, other);
    assertEquals(Outcome.CHANGED, changed.outcome());
    assertEquals(KnownHosts.fingerprint(key), changed.pinnedFingerprint());
    assertEquals(KnownHosts.fingerprint(other), changed.presentedFingerprint());
    // a different port is a different host, as in OpenSSH
    assertEquals(Outcome.PINNED, hosts.check("172.28.55.11", 2222, other).outcome());
  }

  @Test
  void survivesAReopenInOpenSshFormat() throws IOException {
    Path file = tmp.resolve("d/known_hosts");
    byte[] key = blob("ecdsa-sha2-nistp256", 7);
    KnownHosts.open(file).check("127.0.0.1", 2222, key);

    String text = Files.readString(file);
    assertTrue(text.contains("[127.0.0.1]:2222 ecdsa-sha2-nistp256 AAAAE2VjZHNh"), text);
    KnownHosts again = KnownHosts.open(file);
    assertEquals(Outcome.MATCHED, again.check("127.0.0.1", 2222, key).outcome());
    assertEquals(Optional.of(KnownHosts.fingerprint(key)), again.fingerprint("127.0.0.1", 2222));
  }

  @Test
  void forgetsAHostWhoseMachineWasDestroyed() throws IOException {
    Path file = tmp.resolve("known_hosts");
    KnownHosts hosts = KnownHosts.open(file);
    hosts.check("10.0.0.5", 22, blob("ssh-ed25519", 1));

    assertTrue(hosts.forget("10.0.0.5", 22));
    assertFalse(hosts.forget("10.0.0.5", 22));
    assertEquals(Outcome.PINNED, KnownHosts.open(file)
        .check("10.0.0.5", 22, blob("ssh-ed25519", 3)).outcome());
  }
}
