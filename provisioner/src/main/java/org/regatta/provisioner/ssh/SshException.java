package org.regatta.provisioner.ssh;

/** An SSH failure, in one sentence naming the host and the cause (refused, host key changed…). */
public class SshException extends Exception {

  private static final long serialVersionUID = 1L;

  public SshException(String message) {
    super(message);
  }

  public SshException(String message, Throwable cause) {
    super(message, cause);
  }
}
