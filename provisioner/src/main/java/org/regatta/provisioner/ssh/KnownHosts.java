package org.regatta.provisioner.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment's pinned host keys, in a file in OpenSSH {@code known_hosts} format (so that
 * {@code ssh -o UserKnownHostsFile=FILE} works by hand too). The key a host shows at first contact
 * is recorded; afterwards only that key is accepted. Safe to share between threads that connect
 * to different nodes in parallel.
 */
public final class KnownHosts {

  /** What a check found. */
  public enum Outcome {
    /** First contact: the key is now pinned. */
    PINNED,
    /** The key is the pinned one. */
    MATCHED,
    /** The host shows another key than the pinned one: reject. */
    CHANGED
  }

  /** A check's outcome with both fingerprints ({@code SHA256:…}); they are equal unless CHANGED. */
  public record Check(Outcome outcome, String pinnedFingerprint, String presentedFingerprint) {}

  private record Entry(String keyType, byte[] blob) {}

  private final Path file;
  private final Map<String, Entry> byHost = new LinkedHashMap<>();

  private KnownHosts(Path file) {
    this.file = file;
  }

  /** Opens the store in {@code file}; an absent file is an empty store, created on first pin. */
  public static KnownHosts open(Path file) throws IOException {
    KnownHosts hosts = new KnownHosts(file);
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\s+");
        if (f.length < 3) {
          throw new IOException(file + ":" + (i + 1) + ": expected 'host key-type base64-key'");
        }
        byte[] blob;
        try {
          blob = Base64.getDecoder().decode(f[2]);
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ":" + (i + 1) + ": the key is not base64", e);
        }
        hosts.byHost.put(f[0], new Entry(f[1], blob));
      }
    }
    return hosts;
  }

  public Path file() {
    return file;
  }

  /**
   * Checks the key that {@code host:port} presents; pins it (and saves the file) at first contact.
   */
  public synchronized Check check(String host, int port, byte[] presentedKey) throws IOException {
    return check(hostId(host, port), presentedKey);
  }

  synchronized Check check(String hostId, byte[] presentedKey) throws IOException {
    String presented = fingerprint(presentedKey);
    Entry pinned = byHost.get(hostId);
    if (pinned == null) {
      byHost.put(hostId, new Entry(keyType(presentedKey), presentedKey.clone()));
      save();
      return new Check(Outcome.PINNED, presented, presented);
    }
    String expected = fingerprint(pinned.blob());
    return new Check(MessageDigest.isEqual(pinned.blob(), presentedKey) ? Outcome.MATCHED
        : Outcome.CHANGED, expected, presented);
  }

  /** The pinned key's fingerprint, if the host was ever contacted. */
  public synchronized Optional<String> fingerprint(String host, int port) {
    return Optional.ofNullable(byHost.get(hostId(host, port))).map(e -> fingerprint(e.blob()));
  }

  /** The pinned key's type ({@code ssh-ed25519}…), if any. */
  synchronized Optional<String> keyType(String hostId) {
    return Optional.ofNullable(byHost.get(hostId)).map(Entry::keyType);
  }

  synchronized Optional<byte[]> key(String hostId) {
    return Optional.ofNullable(byHost.get(hostId)).map(e -> e.blob().clone());
  }

  /**
   * Forgets a host, for when its machine is destroyed: clouds reuse addresses, and a new machine
   * on an old address must not look like an attack. Returns whether it was known.
   */
  public synchronized boolean forget(String host, int port) throws IOException {
    boolean known = byHost.remove(hostId(host, port)) != null;
    if (known) {
      save();
    }
    return known;
  }

  /** OpenSSH's name for a host in known_hosts: {@code host}, or {@code [host]:port} off port 22. */
  static String hostId(String host, int port) {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  /** {@code SHA256:} and the unpadded base64 digest of the key, as {@code ssh-keygen -l} shows. */
  public static String fingerprint(byte[] keyBlob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /** The algorithm name at the start of an SSH public key blob. */
  static String keyType(byte[] blob) {
    ByteBuffer b = ByteBuffer.wrap(blob);
    if (b.remaining() >= 4) {
      int n = b.getInt();
      if (n > 0 && n <= b.remaining()) {
        return new String(blob, 4, n, StandardCharsets.US_ASCII);
      }
    }
    throw new IllegalArgumentException("not an SSH public key blob");
  }

  private void save() throws IOException {
    StringBuilder text = new StringBuilder(
        "# host keys pinned by Regatta at first contact; remove a line to accept a new key\n");
    byHost.forEach((host, e) -> text.append(host).append(' ').append(e.keyType()).append(' ')
        .append(Base64.getEncoder().encodeToString(e.blob())).append('\n'));
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** For callers that cannot throw IOException (JSch's repository interface). */
  Check checkUnchecked(String hostId, byte[] presentedKey) {
    try {
      return check(hostId, presentedKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the host key of " + hostId + " in " + file, e);
    }
  }
}
