package org.regatta.provisioner.roles;

import java.util.List;

/** What running a role on a node did: the {@code changed: …} lines; none when it was in place. */
public record RoleRun(String role, List<String> changes) {

  public RoleRun {
    changes = List.copyOf(changes);
  }

  public boolean changed() {
    return !changes.isEmpty();
  }
}
