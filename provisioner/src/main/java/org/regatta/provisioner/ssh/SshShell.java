package org.regatta.provisioner.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.regatta.provisioner.ssh.SshException.Reason;

/**
 * A {@link RemoteShell} over one JSch session. Commands run through the login shell of the remote
 * user with stdin at end of file; uploads go over SFTP to a temporary name, get their mode, then
 * replace the target, so a reader never sees half a file. Open one with {@link SshConnector}.
 */
public final class SshShell implements RemoteShell {

  private static final int CHANNEL_TIMEOUT_MS = 10_000;
  private static final long POLL_MS = 5;

  private final SshTarget target;
  private final Session session;
  private ChannelSftp sftp;

  SshShell(SshTarget target, Session session) {
    this.target = target;
    this.session = session;
  }

  public SshTarget target() {
    return target;
  }

  /** {@code user@host:port}, for messages. */
  @Override
  public String toString() {
    return target.toString();
  }

  /**
   * Runs {@code command}; stdout and stderr lines go to {@code output} as they come. Returns the
   * exit status. A lost connection is an {@link SshException}, not a status.
   */
  @Override
  public int exec(String command, Consumer<String> output) throws SshException {
    Object lock = new Object(); // not this: an upload holds this while JSch's thread delivers
    Consumer<String> serial = line -> {
      synchronized (lock) {
        output.accept(line);
      }
    };
    LineSink out = new LineSink(serial);
    LineSink err = new LineSink(serial);
    ChannelExec channel = null;
    try {
      channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      // stdin gets an immediate EOF by closing the channel's stream, not through an input stream:
      // with one JSch starts a feeder thread that races the close of a quick command (an NPE)
      java.io.OutputStream stdin = channel.getOutputStream();
      channel.setOutputStream(out, true);
      channel.setErrStream(err, true);
      channel.connect(CHANNEL_TIMEOUT_MS);
      stdin.close();
      while (!channel.isClosed()) {
        Thread.sleep(POLL_MS);
      }
      out.close();
      err.close();
      int status = channel.getExitStatus();
      if (status < 0 && !session.isConnected()) {
        throw new SshException(Reason.CLOSED, "connection to " + target
            + " was lost while running: " + abbreviate(command), null);
      }
      RuntimeException failure = out.failure() != null ? out.failure() : err.failure();
      if (failure != null) {
        throw failure;
      }
      return status;
    } catch (JSchException | IOException e) {
      throw SshErrors.io(target, "command '" + abbreviate(command) + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshException(Reason.IO, "interrupted while running '" + abbreviate(command)
          + "' on " + target, e);
    } finally {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }

  @Override
  public void upload(byte[] content, String remotePath, int mode) throws SshException {
    try (InputStream in = new ByteArrayInputStream(content)) {
      put(in, remotePath, mode);
    } catch (IOException e) {
      throw SshErrors.io(target, "upload to " + remotePath, e);
    }
  }

  @Override
  public void upload(Path local, String remotePath, int mode) throws SshException {
    try (InputStream in = Files.newInputStream(local)) {
      put(in, remotePath, mode);
    } catch (IOException e) {
      throw new SshException(Reason.IO, "cannot read " + local + " to upload it to " + target
          + ": " + e.getMessage(), e);
    }
  }

  private synchronized void put(InputStream in, String remotePath, int mode) throws SshException {
    if (!remotePath.startsWith("/")) {
      throw new IllegalArgumentException("remote path must be absolute: " + remotePath);
    }
    String tmp = remotePath + ".regatta-upload";
    try {
      ChannelSftp ch = sftp();
      makeParents(ch, remotePath);
      ch.put(in, tmp, ChannelSftp.OVERWRITE);
      ch.chmod(mode, tmp);
      try {
        ch.rename(tmp, remotePath); // posix-rename@openssh.com replaces an existing file
      } catch (SftpException e) {
        if (e.id != ChannelSftp.SSH_FX_FAILURE) {
          throw e;
        }
        ch.rm(remotePath); // a server without posix-rename: plain rename refuses to replace
        ch.rename(tmp, remotePath);
      }
    } catch (SftpException | JSchException e) {
      throw SshErrors.io(target, "upload to " + remotePath, e);
    }
  }

  private static void makeParents(ChannelSftp ch, String remotePath) throws SftpException {
    String dir = remotePath.substring(0, remotePath.lastIndexOf('/'));
    if (dir.isEmpty() || isDirectory(ch, dir)) {
      return;
    }
    makeParents(ch, dir);
    ch.mkdir(dir);
  }

  private static boolean isDirectory(ChannelSftp ch, String path) throws SftpException {
    try {
      SftpATTRS attrs = ch.stat(path);
      return attrs.isDir();
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        return false;
      }
      throw e;
    }
  }

  private ChannelSftp sftp() throws JSchException {
    if (sftp == null || !sftp.isConnected()) {
      ChannelSftp ch = (ChannelSftp) session.openChannel("sftp");
      ch.connect(CHANNEL_TIMEOUT_MS);
      sftp = ch;
    }
    return sftp;
  }

  @Override
  public synchronized void close() {
    if (sftp != null) {
      sftp.disconnect();
    }
    session.disconnect();
  }

  private static String abbreviate(String command) {
    String oneLine = command.replace('\n', ' ').strip();
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
