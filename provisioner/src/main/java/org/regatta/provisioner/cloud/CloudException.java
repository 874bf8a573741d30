package org.regatta.provisioner.cloud;

/** A cloud call failed; the message is one sentence for the user (cloud, node, cause). */
public class CloudException extends Exception {

  private static final long serialVersionUID = 1L;

  public CloudException(String message) {
    super(message);
  }

  public CloudException(String message, Throwable cause) {
    super(message, cause);
  }
}
