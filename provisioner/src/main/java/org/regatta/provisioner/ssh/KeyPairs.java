package org.regatta.provisioner.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * Per-deployment ed25519 login keys: {@code id_ed25519} (OpenSSH format, mode 0600) and
 * {@code id_ed25519.pub} in a directory of their own.
 */
public final class KeyPairs {

  public static final String PRIVATE_FILE = "id_ed25519";
  public static final String PUBLIC_FILE = "id_ed25519.pub";

  private KeyPairs() {}

  /** Creates a fresh key pair in {@code dir} (made 0700 if absent); fails if one is there. */
  public static SshKey generate(Path dir, String comment) throws IOException {
    Path prv = dir.resolve(PRIVATE_FILE);
    Path pub = dir.resolve(PUBLIC_FILE);
    if (Files.exists(prv) || Files.exists(pub)) {
      throw new FileAlreadyExistsException(prv.toString(), null,
          "a key pair is already there; load it instead of replacing it");
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
    KeyPair pair;
    try {
      pair = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
    } catch (JSchException e) {
      throw new IOException("cannot generate an ed25519 key pair: " + e.getMessage(), e);
    }
    ByteArrayOutputStream privateText = new ByteArrayOutputStream();
    ByteArrayOutputStream publicText = new ByteArrayOutputStream();
    try {
      pair.writeOpenSSHv1PrivateKey(privateText, null, comment);
    } catch (JSchException e) {
      throw new IOException("cannot encode the private key: " + e.getMessage(), e);
    }
    pair.writePublicKey(publicText, comment);
    // created 0600 from the start: the key is never readable by others, not even briefly
    try (OutputStream out = Files.newOutputStream(
        Files.createFile(prv, PosixFilePermissions.asFileAttribute(OWNER_ONLY)),
        StandardOpenOption.WRITE)) {
      out.write(privateText.toByteArray());
    }
    Files.setPosixFilePermissions(prv, OWNER_ONLY); // in case the umask took bits away
    Files.write(pub, publicText.toByteArray());
    return load(dir);
  }

  /** Loads the key pair in {@code dir}, or generates one when there is none. */
  public static SshKey loadOrGenerate(Path dir, String comment) throws IOException {
    return Files.exists(dir.resolve(PRIVATE_FILE)) ? load(dir) : generate(dir, comment);
  }

  /** Loads and checks the key pair in {@code dir}. */
  public static SshKey load(Path dir) throws IOException {
    Path prv = dir.resolve(PRIVATE_FILE);
    Path pub = dir.resolve(PUBLIC_FILE);
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(prv);
    if (!OWNER_ONLY.containsAll(mode)) {
      throw new IOException("private key " + prv + " is readable by others (mode "
          + PosixFilePermissions.toString(mode) + "); OpenSSH refuses such keys: chmod 600 it");
    }
    byte[] prvBytes = Files.readAllBytes(prv);
    byte[] pubBytes = Files.readAllBytes(pub);
    KeyPair pair;
    try {
      pair = KeyPair.load(new JSch(), prvBytes, pubBytes);
    } catch (JSchException e) {
      throw new IOException("cannot read key pair " + prv + ": " + e.getMessage(), e);
    }
    if (pair.isEncrypted()) {
      throw new IOException("private key " + prv + " is encrypted; Regatta needs an unencrypted"
          + " deployment key");
    }
    String line = new String(pubBytes, StandardCharsets.US_ASCII).strip();
    String[] fields = line.split("\\s+");
    if (fields.length < 2 || !fields[1].equals(
        Base64.getEncoder().encodeToString(pair.getPublicKeyBlob()))) {
      throw new IOException("public key " + pub + " does not match private key " + prv);
    }
    return new SshKey(prv, pub, line, KnownHosts.fingerprint(pair.getPublicKeyBlob()));
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
}
