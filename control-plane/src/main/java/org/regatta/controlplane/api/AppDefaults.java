package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marathon 1.4's defaults, and the normal form an app is stored in: absolute id, deprecated
 * {@code uris} folded into {@code fetch}, every defaulted field filled. {@link #fill} is
 * idempotent.
 */
public final class AppDefaults {

  public static final int INSTANCES = 1;
  public static final double CPUS = 1.0;
  public static final double MEM = 128.0;
  public static final double DISK = 0.0;
  public static final int GPUS = 0;
  public static final int BACKOFF_SECONDS = 1;
  public static final double BACKOFF_FACTOR = 1.15;
  /** Marathon ≤ 1.6 (and so 1.4, whose shapes this package follows); later versions use 300. */
  public static final int MAX_LAUNCH_DELAY_SECONDS = 3600;
  public static final boolean REQUIRE_PORTS = false;
  public static final UpgradeStrategy UPGRADE_STRATEGY = new UpgradeStrategy(1.0, 1.0);
  /** For apps whose tasks stay on one agent (persistent or external volumes). */
  public static final UpgradeStrategy RESIDENT_UPGRADE_STRATEGY = new UpgradeStrategy(0.5, 0.0);

  public static final int HEALTH_GRACE_PERIOD_SECONDS = 300;
  public static final int HEALTH_INTERVAL_SECONDS = 60;
  public static final int HEALTH_TIMEOUT_SECONDS = 20;
  public static final int HEALTH_MAX_CONSECUTIVE_FAILURES = 3;
  public static final int HEALTH_DELAY_SECONDS = 15;

  private AppDefaults() {}

  /** What {@code POST /v2/apps} stores before service ports are assigned. */
  public static App forCreate(App body) {
    return forCreate(body, PathIds.ROOT);
  }

  /**
   * The stored form of an app definition sent under group {@code base}: id made absolute against
   * {@code base}, dependencies against the app's own group, read-only fields dropped, defaults
   * filled.
   * An absent id stays absent (the validator reports it).
   */
  public static App forCreate(App body, String base) {
    App.Builder b = body.withoutReadOnlyFields().toBuilder();
    if (body.id() != null) {
      String id = PathIds.canonical(body.id(), base);
      b.id(id);
      if (body.dependencies() != null) {
        String group = PathIds.parent(id);
        b.dependencies(body.dependencies().stream().map(d -> PathIds.canonical(d, group)).toList());
      }
    }
    return fill(b.build());
  }

  /** Fills every absent field that Marathon defaults, at every level; leaves present ones alone. */
  public static App fill(App app) {
    App a = foldUris(app);
    Container container = a.container() == null ? null : a.container().withDefaults();
    boolean mapped = a.toBuilder().container(container).build().usesPortMappings();

    List<PortDefinition> portDefinitions = a.portDefinitions();
    if (portDefinitions == null) {
      portDefinitions = mapped ? List.of() : List.of(PortDefinition.of(0));
    }
    portDefinitions = portDefinitions.stream().map(PortDefinition::withDefaults).toList();

    boolean hasPorts = mapped
        ? container != null && !container.effectivePortMappings().isEmpty()
        : !portDefinitions.isEmpty();
    List<HealthCheck> checks = new ArrayList<>();
    for (HealthCheck hc : Copies.orEmpty(a.healthChecks())) {
      checks.add(hc.withDefaults(hasPorts));
    }

    boolean resident = container != null
        && Copies.orEmpty(container.volumes()).stream().anyMatch(Volume::isResident);
    UpgradeStrategy strategyDefaults = resident ? RESIDENT_UPGRADE_STRATEGY : UPGRADE_STRATEGY;
    UpgradeStrategy strategy = a.upgradeStrategy() == null
        ? strategyDefaults : a.upgradeStrategy().withDefaults(strategyDefaults);

    return a.toBuilder()
        .env(a.env() == null ? Map.of() : a.env())
        .instances(a.instances() == null ? INSTANCES : a.instances())
        .cpus(a.cpus() == null ? CPUS : a.cpus())
        .mem(a.mem() == null ? MEM : a.mem())
        .disk(a.disk() == null ? DISK : a.disk())
        .gpus(a.gpus() == null ? GPUS : a.gpus())
        .constraints(a.constraints() == null ? List.of() : a.constraints())
        .fetch(Copies.orEmpty(a.fetch()).stream().map(FetchUri::withDefaults).toList())
        .backoffSeconds(a.backoffSeconds() == null ? BACKOFF_SECONDS : a.backoffSeconds())
        .backoffFactor(a.backoffFactor() == null ? BACKOFF_FACTOR : a.backoffFactor())
        .maxLaunchDelaySeconds(a.maxLaunchDelaySeconds() == null
            ? MAX_LAUNCH_DELAY_SECONDS : a.maxLaunchDelaySeconds())
        .container(container)
        .healthChecks(checks)
        .dependencies(a.dependencies() == null ? List.of() : a.dependencies())
        .upgradeStrategy(strategy)
        .labels(a.labels() == null ? Map.of() : a.labels())
        .portDefinitions(portDefinitions)
        .requirePorts(a.requirePorts() == null ? REQUIRE_PORTS : a.requirePorts())
        .build();
  }

  /**
   * Marathon turns the deprecated {@code uris} into {@code fetch} entries (archives extracted).
   * When both are given and name different URIs, both are kept for the validator to reject.
   */
  static App foldUris(App app) {
    if (app.uris() == null) {
      return app;
    }
    List<FetchUri> converted = app.uris().stream().map(FetchUri::fromUri).toList();
    if (app.uris().isEmpty() && app.fetch() != null) {
      return app.toBuilder().uris(null).build();
    }
    if (app.fetch() == null || app.fetch().isEmpty()) {
      return app.toBuilder().fetch(converted).uris(null).build();
    }
    if (AppValidator.sameUris(app)) {
      return app.toBuilder().uris(null).build();
    }
    return app;
  }
}
