package org.regatta.provisioner.roles;

import java.util.List;
import java.util.Map;

/**
 * A recipe that installs and runs one part of the cluster on a node. Its files live in the repo
 * under {@code resources/org/regatta/provisioner/roles/}: templates rendered with this node's
 * values and staged on the node by file name, one of them {@code recipe.sh}, which the
 * {@link RoleRunner} runs. Recipes are idempotent: a second run with the same values changes
 * nothing and says {@code unchanged}.
 */
public interface Role {

  /** The catalogue name, as the planner uses it ({@code zookeeper}, {@code consul-server}…). */
  String name();

  /** The services this role keeps running on the node, supervised. */
  List<String> services();

  /** Template resources (paths below the roles folder) to render and stage; incl. recipe.sh. */
  List<String> files();

  /**
   * The placeholder values for this node from the deployment's variables ({@link RoleVars});
   * a missing or malformed variable is a {@link RoleException} naming it.
   */
  Map<String, String> bind(Map<String, Object> vars) throws RoleException;

  /** Local files the role installs on the node, by directory; none by default. */
  default List<ArtifactDir> artifacts(Map<String, Object> vars) throws RoleException {
    return List.of();
  }
}
