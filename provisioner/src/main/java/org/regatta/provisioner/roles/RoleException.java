package org.regatta.provisioner.roles;

/**
 * A role could not be applied: a variable is missing or malformed, a local artifact is absent, or
 * the recipe failed on the node. The message is one sentence naming the role (and the node).
 */
public class RoleException extends Exception {

  private static final long serialVersionUID = 1L;

  public RoleException(String message) {
    super(message);
  }

  public RoleException(String message, Throwable cause) {
    super(message, cause);
  }
}
