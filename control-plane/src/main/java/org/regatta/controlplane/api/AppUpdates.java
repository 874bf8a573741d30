package org.regatta.controlplane.api;

/**
 * The two ways to change a stored app. PATCH: each top-level field present (non-null) in the body
 * replaces the stored one, whole (so {@code env} or {@code container} are replaced, not merged);
 * absent or null fields stay. PUT: the body is the new definition; what it leaves out gets its
 * default, as on create. In both, read-only fields are ignored, the id comes from the URL (a body
 * id must name the same app), and a {@code version} may only come alone (a rollback, see
 * {@link #isRollback}).
 */
public final class AppUpdates {

  static final String VERSION_ALONE =
      "The 'version' field may only be combined with the 'id' field.";

  private AppUpdates() {}

  /** The updated definition in stored form, or why not. */
  public record Updated(App app, ValidationResult errors) {}

  /** Whether the body asks for an earlier version: only {@code version}, maybe with the id. */
  public static boolean isRollback(App body) {
    return body.version() != null && definitionFields(body).equals(App.builder().build());
  }

  /** PATCH {@code /v2/apps/{id}} onto {@code current} (stored form). */
  public static Updated patch(App current, App body) {
    ValidationResult idError = checkBody(current.id(), body);
    if (!idError.isValid()) {
      return new Updated(null, idError);
    }
    App p = AppDefaults.foldUris(definitionFields(body));
    App.Builder b = current.withoutStatus().toBuilder();
    if (p.cmd() != null) {
      b.cmd(p.cmd());
    }
    if (p.args() != null) {
      b.args(p.args());
    }
    if (p.user() != null) {
      b.user(p.user());
    }
    if (p.env() != null) {
      b.env(p.env());
    }
    if (p.instances() != null) {
      b.instances(p.instances());
    }
    if (p.cpus() != null) {
      b.cpus(p.cpus());
    }
    if (p.mem() != null) {
      b.mem(p.mem());
    }
    if (p.disk() != null) {
      b.disk(p.disk());
    }
    if (p.gpus() != null) {
      b.gpus(p.gpus());
    }
    if (p.executor() != null) {
      b.executor(p.executor());
    }
    if (p.constraints() != null) {
      b.constraints(p.constraints());
    }
    if (p.uris() != null) {
      b.uris(p.uris());
    }
    if (p.fetch() != null) {
      b.fetch(p.fetch());
    }
    if (p.storeUrls() != null) {
      b.storeUrls(p.storeUrls());
    }
    if (p.backoffSeconds() != null) {
      b.backoffSeconds(p.backoffSeconds());
    }
    if (p.backoffFactor() != null) {
      b.backoffFactor(p.backoffFactor());
    }
    if (p.maxLaunchDelaySeconds() != null) {
      b.maxLaunchDelaySeconds(p.maxLaunchDelaySeconds());
    }
    if (p.container() != null) {
      b.container(p.container());
    }
    if (p.healthChecks() != null) {
      b.healthChecks(p.healthChecks());
    }
    if (p.dependencies() != null) {
      String group = PathIds.parent(current.id());
      b.dependencies(p.dependencies().stream().map(d -> PathIds.canonical(d, group)).toList());
    }
    if (p.upgradeStrategy() != null) {
      b.upgradeStrategy(p.upgradeStrategy());
    }
    if (p.labels() != null) {
      b.labels(p.labels());
    }
    if (p.acceptedResourceRoles() != null) {
      b.acceptedResourceRoles(p.acceptedResourceRoles());
    }
    if (p.portDefinitions() != null) {
      b.portDefinitions(p.portDefinitions());
    } else if (p.container() != null && p.container().docker() != null
        && p.container().docker().network() != null
        && p.container().docker().network().mapsPorts() != current.usesPortMappings()) {
      // switching between host and bridged networking: the stored port definitions no longer apply
      b.portDefinitions(null);
    }
    if (p.requirePorts() != null) {
      b.requirePorts(p.requirePorts());
    }
    if (p.taskKillGracePeriodSeconds() != null) {
      b.taskKillGracePeriodSeconds(p.taskKillGracePeriodSeconds());
    }
    App merged = AppDefaults.fill(b.build());
    return new Updated(merged, AppValidator.validate(merged));
  }

  /**
   * PUT {@code /v2/apps/{id}}: {@code body} becomes the definition of {@code id} (a create when no
   * app has that id yet). The caller keeps the stored version info.
   */
  public static Updated replace(String id, App body) {
    String canonical = PathIds.canonical(id);
    ValidationResult idError = checkBody(canonical, body);
    if (!idError.isValid()) {
      return new Updated(null, idError);
    }
    App app = AppDefaults.forCreate(body.withId(canonical));
    return new Updated(app, AppValidator.validate(app));
  }

  private static ValidationResult checkBody(String id, App body) {
    Violations v = new Violations();
    if (body.id() != null && !PathIds.canonical(body.id()).equals(id)) {
      v.add("/id", "must be " + id + ", the app of the URL (got " + body.id() + ")");
    }
    if (body.version() != null && !isRollback(body)) {
      v.add("/", VERSION_ALONE);
    }
    return v.result(ValidationResult.OBJECT_NOT_VALID);
  }

  /** The body without its id and read-only fields: what a client can set. */
  private static App definitionFields(App body) {
    return body.withoutReadOnlyFields().withId(null);
  }
}
