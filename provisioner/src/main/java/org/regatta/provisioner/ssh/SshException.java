package org.regatta.provisioner.ssh;

/**
 * An SSH failure, in one sentence naming user@host:port and the cause (refused, host key
 * changed…). {@link #reason()} lets callers decide without parsing the message, e.g. whether a
 * retry can help.
 */
public class SshException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why an SSH operation failed. */
  public enum Reason {
    /** Nothing listens on the port yet (or any more). */
    REFUSED(true),
    /** The TCP connect or the handshake did not finish in time. */
    TIMEOUT(true),
    /** The server closed or reset the connection, e.g. sshd still starting. */
    CLOSED(true),
    /** No route to the host, e.g. its interface is not up yet. */
    UNREACHABLE(true),
    /** The server refused our key. */
    AUTH(false),
    /** The host presented a key other than the one pinned at first contact. */
    HOST_KEY_CHANGED(false),
    /** The name does not resolve. */
    UNKNOWN_HOST(false),
    /** A command or transfer failed after the session was up. */
    IO(false),
    /** The boot deadline passed while the node still did not answer. */
    DEADLINE(false),
    OTHER(false);

    private final boolean transientAtBoot;

    Reason(boolean transientAtBoot) {
      this.transientAtBoot = transientAtBoot;
    }

    /** Whether a node that is still booting may fail this way, so that retrying makes sense. */
    public boolean transientAtBoot() {
      return transientAtBoot;
    }
  }

  private final Reason reason;

  public SshException(String message) {
    this(Reason.OTHER, message, null);
  }

  public SshException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public SshException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
