package org.regatta.orchestrator.state;

/** The state store failed; the message names the database and the cause. */
public class StoreException extends Exception {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
