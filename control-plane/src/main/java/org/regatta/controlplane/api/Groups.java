package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a {@code POST/PUT /v2/groups} body: nested groups and apps become absolute ids (relative
 * ones resolved against the enclosing group, as Marathon's GroupUpdate does), each app in stored
 * form and validated, and the apps put in start order (dependencies first).
 */
public final class Groups {

  static final String NOT_CHILD = "Identifier is not child of %s. Hint: use relative paths.";
  static final String SAME_ID = "Groups and Applications may not have the same identifier.";
  static final String CYCLE = "Dependency graph has cyclic dependencies.";
  static final String ALONE = "not allowed in conjunction with other properties.";

  private Groups() {}

  /** A group of the body, with absolute id and dependencies. */
  public record GroupNode(String id, List<String> dependencies, String version) {
    public GroupNode {
      dependencies = List.copyOf(dependencies);
    }
  }

  /**
   * The body flattened. {@code apps} are in stored form ({@link AppDefaults#forCreate}); {@code
   * startOrder} lists their ids so that every app comes after what it depends on (its own
   * dependencies and those of its enclosing groups; a group dependency means every app under it).
   * Dependencies outside the body do not order anything here. Paths in {@code errors} point into
   * the body ({@code /groups(0)/apps(1)/cpus}).
   */
  public record FlatGroup(
      String id,
      List<App> apps,
      List<GroupNode> groups,
      List<String> startOrder,
      ValidationResult errors) {
    public FlatGroup {
      apps = List.copyOf(apps);
      groups = List.copyOf(groups);
      startOrder = List.copyOf(startOrder);
    }
  }

  /** Flattens {@code body} sent to {@code /v2/groups/{base}} ({@code /} for {@code /v2/groups}). */
  public static FlatGroup flatten(Group body, String base) {
    Walk w = new Walk();
    String root = PathIds.canonical(body.id() == null ? base : body.id(), PathIds.canonical(base));
    if (!PathIds.segments(root).isEmpty()) {
      for (String p : PathIds.problems(root)) {
        if (!p.equals(PathIds.RESERVED_ERROR)) {
          w.v.add("/id", p);
        }
      }
    }
    boolean content = body.apps() != null || body.groups() != null || body.dependencies() != null;
    if (body.version() != null && (content || body.scaleBy() != null)) {
      w.v.add("/version", ALONE);
    }
    if (body.scaleBy() != null && content) {
      w.v.add("/scaleBy", ALONE);
    }
    w.group(body, root, "", List.of());
    w.checkIds();
    List<String> order = w.startOrder();
    ValidationResult errors = w.v.result(ValidationResult.OBJECT_NOT_VALID);
    return new FlatGroup(root, w.apps, w.groups, order, errors);
  }

  private static final class Walk {
    final Violations v = new Violations();
    final List<App> apps = new ArrayList<>();
    final List<GroupNode> groups = new ArrayList<>();
    final Map<String, String> appPaths = new HashMap<>();
    /** Per app id: the dependencies of the groups that enclose it (inside the body). */
    final Map<String, List<String>> inherited = new HashMap<>();

    void group(Group g, String gid, String at, List<String> enclosingDeps) {
      List<String> deps = Copies.orEmpty(g.dependencies()).stream()
          .map(d -> PathIds.canonical(d, gid)).toList();
      groups.add(new GroupNode(gid, deps, g.version()));
      List<String> inheritedHere = new ArrayList<>(enclosingDeps);
      inheritedHere.addAll(deps);

      List<App> bodyApps = Copies.orEmpty(g.apps());
      for (int i = 0; i < bodyApps.size(); i++) {
        String appAt = at + "/apps(" + i + ")";
        App raw = bodyApps.get(i);
        App app = AppDefaults.forCreate(raw, gid);
        if (raw.id() != null && !PathIds.parent(app.id()).equals(gid)) {
          v.add(appAt + "/id", String.format(NOT_CHILD, gid));
        }
        v.addAll(AppValidator.validate(app), appAt);
        if (app.id() != null) {
          if (appPaths.putIfAbsent(app.id(), appAt) != null) {
            v.add(appAt + "/id", "Identifier " + app.id() + " is used by more than one app");
          } else {
            apps.add(app);
            inherited.put(app.id(), List.copyOf(inheritedHere));
          }
        }
      }

      List<Group> subs = Copies.orEmpty(g.groups());
      for (int i = 0; i < subs.size(); i++) {
        Group sub = subs.get(i);
        String subAt = at + "/groups(" + i + ")";
        if (sub.id() == null || PathIds.segments(sub.id()).isEmpty()) {
          v.add(subAt + "/id", PathIds.EMPTY_ERROR);
          continue;
        }
        String sid = PathIds.canonical(sub.id(), gid);
        if (!PathIds.parent(sid).equals(gid)) {
          v.add(subAt + "/id", String.format(NOT_CHILD, gid));
        }
        for (String p : PathIds.problems(sid)) {
          if (!p.equals(PathIds.RESERVED_ERROR)) {
            v.add(subAt + "/id", p);
          }
        }
        group(sub, sid, subAt, inheritedHere);
      }
    }

    void checkIds() {
      Set<String> groupIds = new LinkedHashSet<>();
      groups.forEach(gn -> groupIds.add(gn.id()));
      for (App a : apps) {
        if (groupIds.contains(a.id())) {
          v.add(appPaths.get(a.id()) + "/id", SAME_ID);
        }
      }
    }

    /** Kahn's algorithm over the apps of the body, stable in body order; empty on a cycle. */
    List<String> startOrder() {
      Map<String, Set<String>> needs = new LinkedHashMap<>();
      for (App a : apps) {
        Set<String> targets = new LinkedHashSet<>();
        List<String> deps = new ArrayList<>(Copies.orEmpty(a.dependencies()));
        deps.addAll(inherited.getOrDefault(a.id(), List.of()));
        for (String d : deps) {
          for (App other : apps) {
            if (!other.id().equals(a.id())
                && (other.id().equals(d) || PathIds.isUnder(other.id(), d))) {
              targets.add(other.id());
            }
          }
          if (d.equals(a.id())) {
            targets.add(a.id());
          }
        }
        needs.put(a.id(), targets);
      }
      List<String> order = new ArrayList<>();
      Set<String> done = new LinkedHashSet<>();
      boolean progress = true;
      while (order.size() < needs.size() && progress) {
        progress = false;
        for (Map.Entry<String, Set<String>> e : needs.entrySet()) {
          if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
            done.add(e.getKey());
            order.add(e.getKey());
            progress = true;
          }
        }
      }
      if (order.size() < needs.size()) {
        v.add("/", CYCLE);
        return List.of();
      }
      return order;
    }
  }
}
