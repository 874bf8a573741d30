package org.regatta.provisioner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairsTest {

  @TempDir
  Path tmp;

  @Test
  void generatesAnEd25519PairWithAPrivateFileOnlyTheOwnerCanRead() throws IOException {
    Path dir = tmp.resolve("deployments/d1/ssh");
    SshKey key = KeyPairs.generate(dir, "regatta d1");

    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(key.privateKey())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertTrue(Files.readString(key.privateKey())
        .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
    assertTrue(key.publicKeyLine().matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/=]+ "
        + "regatta d1"), key.publicKeyLine());
    assertTrue(key.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), key.fingerprint());
  }

  @Test
  void loadsWhatItGeneratedAndNeverOverwritesIt() throws IOException {
    SshKey made = KeyPairs.generate(tmp, "c");

    assertEquals(made, KeyPairs.load(tmp));
    assertEquals(made, KeyPairs.loadOrGenerate(tmp, "other"));
    assertThrows(FileAlreadyExistsException.class, () -> KeyPairs.generate(tmp, "c"));
  }

  @Test
  void refusesAPrivateKeyOthersCanRead() throws IOException {
    SshKey key = KeyPairs.generate(tmp, "c");
    Files.setPosixFilePermissions(key.privateKey(), PosixFilePermissions.fromString("rw-r--r--"));

    IOException e = assertThrows(IOException.class, () -> KeyPairs.load(tmp));
    assertTrue(e.getMessage().contains("readable by others"), e.getMessage());
  }

  @Test
  void refusesAPublicKeyOfAnotherPair() throws IOException {
    KeyPairs.generate(tmp.resolve("a"), "a");
    KeyPairs.generate(tmp.resolve("b"), "b");
    Files.copy(tmp.resolve("b").resolve(KeyPairs.PUBLIC_FILE),
        tmp.resolve("a").resolve(KeyPairs.PUBLIC_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    IOException e = assertThrows(IOException.class, () -> KeyPairs.load(tmp.resolve("a")));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }
}
