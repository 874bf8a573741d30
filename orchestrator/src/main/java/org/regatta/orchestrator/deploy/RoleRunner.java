package org.regatta.orchestrator.deploy;

import java.util.Map;
import java.util.function.Consumer;
import org.regatta.provisioner.roles.RoleException;
import org.regatta.provisioner.ssh.RemoteShell;

/** Runs a named role on a node; idempotent: a second run changes nothing. */
public interface RoleRunner {

  /** Whether this release has a recipe for the role (later issues add the daemons). */
  boolean has(String role);

  /** Runs the role; true when something changed. Throws with the failing step's message. */
  boolean run(String role, RemoteShell shell, Map<String, Object> vars, Consumer<String> log)
      throws RoleException;

}
