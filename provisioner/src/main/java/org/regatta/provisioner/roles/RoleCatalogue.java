package org.regatta.provisioner.roles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The roles Regatta can run on a node, by the names the planner uses. */
public final class RoleCatalogue {

  private static final Map<String, Role> ROLES = new LinkedHashMap<>();

  static {
    for (Role r : new Role[] {new ZooKeeperRole(), ConsulRole.server(), ConsulRole.agent(),
        ControlPlaneRole.master(), ControlPlaneRole.agent()}) {
      ROLES.put(r.name(), r);
    }
  }

  private RoleCatalogue() {}

  public static Optional<Role> find(String name) {
    return Optional.ofNullable(ROLES.get(name));
  }

  /** The role called {@code name}; an unknown name is an error listing the known ones. */
  public static Role get(String name) {
    Role r = ROLES.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no role named '" + name + "'; known roles: "
          + String.join(", ", ROLES.keySet()));
    }
    return r;
  }

  public static Set<String> names() {
    return Collections.unmodifiableSet(ROLES.keySet());
  }
}
