package org.regatta.controlplane.api;

import java.util.List;

/**
 * A group as {@code /v2/groups} reads and writes it: apps and sub-groups under a path. In request
 * bodies ids may be relative to the enclosing group; {@link Groups#flatten} resolves them.
 * {@code scaleBy} only appears in a {@code PUT /v2/groups/{id}} body that scales every app.
 */
public record Group(
    String id,
    List<App> apps,
    List<Group> groups,
    List<String> dependencies,
    String version,
    Double scaleBy) {

  public Group {
    apps = Copies.list(apps);
    groups = Copies.list(groups);
    dependencies = Copies.list(dependencies);
  }

  public static Group of(String id, List<App> apps, List<Group> groups) {
    return new Group(id, apps, groups, null, null, null);
  }
}
