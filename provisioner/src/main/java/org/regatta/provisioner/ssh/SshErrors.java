package org.regatta.provisioner.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.regatta.provisioner.ssh.SshException.Reason;

/** The one place where JSch's exceptions become {@link SshException}s with a clear sentence. */
final class SshErrors {

  private SshErrors() {}

  /** A failure to open a session. */
  static SshException connect(SshTarget target, JSchException e, PinnedHostKeys pins,
      SshKey key) {
    if (e instanceof JSchChangedHostKeyException) {
      KnownHosts.Check c = pins.last();
      String pinned = c == null ? "?" : c.pinnedFingerprint();
      String shown = c == null ? "?" : c.presentedFingerprint();
      return new SshException(Reason.HOST_KEY_CHANGED, "host key of " + target
          + " changed: pinned " + pinned + " but the host presented " + shown
          + "; if the machine was rebuilt, remove its line from " + pins.getKnownHostsRepositoryID(),
          e);
    }
    String msg = String.valueOf(e.getMessage());
    if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel")) {
      return new SshException(Reason.AUTH, target + " refused the deployment key "
          + key.fingerprint() + " (publickey authentication failed: is its public key in ~" + target.user()
          + "/.ssh/authorized_keys?)", e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException io) {
        return new SshException(Reason.IO, io.getMessage() + ": " + io.getCause().getMessage(), e);
      }
      if (t instanceof ConnectException) {
        return new SshException(Reason.REFUSED, "connection refused by " + target
            + " (no sshd listening yet?)", e);
      }
      if (t instanceof NoRouteToHostException) {
        return new SshException(Reason.UNREACHABLE, "no route to " + target, e);
      }
      if (t instanceof UnknownHostException) {
        return new SshException(Reason.UNKNOWN_HOST, "unknown host in " + target, e);
      }
      if (t instanceof SocketTimeoutException) {
        return new SshException(Reason.TIMEOUT, "timed out connecting to " + target, e);
      }
      if (t instanceof SocketException || t instanceof EOFException) {
        return new SshException(Reason.CLOSED, target + " closed the connection during the SSH"
            + " handshake (" + t.getMessage() + ")", e);
      }
    }
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("timeout")) {
      return new SshException(Reason.TIMEOUT, "timed out connecting to " + target + " (" + msg
          + ")", e);
    }
    if (lower.contains("closed by foreign host") || lower.contains("end of io stream")) {
      return new SshException(Reason.CLOSED, target + " closed the connection during the SSH"
          + " handshake", e);
    }
    return new SshException(Reason.OTHER, "SSH to " + target + " failed: " + msg, e);
  }

  /** A failure of a command or transfer on an open session. */
  static SshException io(SshTarget target, String what, Exception e) {
    String detail = e instanceof SftpException s ? sftpText(s) : String.valueOf(e.getMessage());
    return new SshException(Reason.IO, what + " on " + target + " failed: " + detail, e);
  }

  private static String sftpText(SftpException e) {
    return switch (e.id) {
      case 2 -> "no such file or directory";
      case 3 -> "permission denied";
      default -> e.getMessage() + " (SFTP status " + e.id + ")";
    };
  }
}
