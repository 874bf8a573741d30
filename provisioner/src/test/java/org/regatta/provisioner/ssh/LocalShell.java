package org.regatta.provisioner.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link RemoteShell} on this machine: {@code /bin/sh -c} and plain file writes. It passes
 * {@link RemoteShellContract}, so tests may stand it in for a node.
 */
public final class LocalShell implements RemoteShell {

  /** Every command run and every path written, in order. */
  public final List<String> commands = new ArrayList<>();
  public final List<String> uploads = new ArrayList<>();
  private final Map<String, String> env;

  /** {@code env} is added to this JVM's environment for every command. */
  public LocalShell(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public int exec(String command, Consumer<String> output) throws SshException {
    commands.add(command);
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          output.accept(line);
        }
      }
      return p.waitFor();
    } catch (IOException | InterruptedException e) {
      throw new SshException("local command failed: " + e, e);
    }
  }

  @Override
  public void upload(byte[] content, String remotePath, int mode) throws SshException {
    uploads.add(remotePath);
    try {
      Path p = Path.of(remotePath);
      Files.createDirectories(p.getParent());
      Path tmp = p.resolveSibling(p.getFileName() + ".regatta-upload");
      Files.write(tmp, content);
      Files.setPosixFilePermissions(tmp, permissions(mode));
      Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SshException(SshException.Reason.IO, "upload to " + remotePath + " on local"
          + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void upload(Path local, String remotePath, int mode) throws SshException {
    byte[] content;
    try {
      content = Files.readAllBytes(local);
    } catch (IOException e) {
      throw new SshException(SshException.Reason.IO, "cannot read " + local + ": " + e, e);
    }
    upload(content, remotePath, mode);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "local";
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE,
        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }
}
