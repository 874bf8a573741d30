package org.regatta.provisioner.ssh;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A session on one node over SSH: the host key is pinned at first contact and verified after.
 * Output of commands streams line by line to the consumer (progress display, per-node log).
 */
public interface RemoteShell extends AutoCloseable {

  /** Runs a shell command; returns its exit status. Output lines go to {@code output}. */
  int exec(String command, Consumer<String> output) throws SshException;

  /** Writes {@code content} to {@code remotePath} with the given octal mode (e.g. 0644). */
  void upload(byte[] content, String remotePath, int mode) throws SshException;

  /** Copies a local file to {@code remotePath}. */
  void upload(Path local, String remotePath, int mode) throws SshException;

  @Override
  void close();
}
