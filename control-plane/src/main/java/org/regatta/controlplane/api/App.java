package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Marathon app definition in Marathon 1.4's JSON shape, plus the read-only status fields that
 * {@code GET /v2/apps} adds. Every component is nullable: null means "absent", which is what a
 * PATCH body or a POST body before {@link AppDefaults} holds. Stored apps have defaults filled.
 * Components are declared in the order Marathon writes them.
 */
public record App(
    String id,
    String cmd,
    List<String> args,
    String user,
    Map<String, String> env,
    Integer instances,
    Double cpus,
    Double mem,
    Double disk,
    Integer gpus,
    String executor,
    List<Constraint> constraints,
    List<String> uris,
    List<FetchUri> fetch,
    List<String> storeUrls,
    Integer backoffSeconds,
    Double backoffFactor,
    Integer maxLaunchDelaySeconds,
    Container container,
    List<HealthCheck> healthChecks,
    List<String> dependencies,
    UpgradeStrategy upgradeStrategy,
    Map<String, String> labels,
    List<String> acceptedResourceRoles,
    List<PortDefinition> portDefinitions,
    Boolean requirePorts,
    Integer taskKillGracePeriodSeconds,
    String version,
    VersionInfo versionInfo,
    Integer tasksStaged,
    Integer tasksRunning,
    Integer tasksHealthy,
    Integer tasksUnhealthy,
    List<DeploymentRef> deployments,
    List<Task> tasks) {

  public App {
    args = Copies.list(args);
    env = Copies.map(env);
    constraints = Copies.list(constraints);
    uris = Copies.list(uris);
    fetch = Copies.list(fetch);
    storeUrls = Copies.list(storeUrls);
    healthChecks = Copies.list(healthChecks);
    dependencies = Copies.list(dependencies);
    labels = Copies.map(labels);
    acceptedResourceRoles = Copies.list(acceptedResourceRoles);
    portDefinitions = Copies.list(portDefinitions);
    deployments = Copies.list(deployments);
    tasks = Copies.list(tasks);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public App withId(String newId) {
    return toBuilder().id(newId).build();
  }

  /** Whether ports come from Docker BRIDGE/USER port mappings rather than portDefinitions. */
  public boolean usesPortMappings() {
    return container != null && container.docker() != null && container.docker().network() != null
        && container.docker().network().mapsPorts();
  }

  /**
   * The service ports, one per port the app asks for, in order: the port mappings' service ports
   * (Docker BRIDGE/USER) or the port definitions' ports; 0 (or absent) means "not assigned yet".
   */
  public List<Integer> servicePorts() {
    List<Integer> out = new ArrayList<>();
    if (usesPortMappings()) {
      for (PortMapping m : container.effectivePortMappings()) {
        out.add(m.servicePort() == null ? 0 : m.servicePort());
      }
    } else {
      for (PortDefinition d : Copies.orEmpty(portDefinitions)) {
        out.add(d.port() == null ? 0 : d.port());
      }
    }
    return List.copyOf(out);
  }

  /** The definition alone: no task counts, tasks or deployments (what is stored). */
  public App withoutStatus() {
    return toBuilder().tasksStaged(null).tasksRunning(null).tasksHealthy(null).tasksUnhealthy(null)
        .deployments(null).tasks(null).build();
  }

  /** Without what a client may send back but never sets: status, version and versionInfo. */
  public App withoutReadOnlyFields() {
    return withoutStatus().toBuilder().version(null).versionInfo(null).build();
  }

  /** Builds an {@link App}; unset fields stay absent. */
  public static final class Builder {
    private String id;
    private String cmd;
    private List<String> args;
    private String user;
    private Map<String, String> env;
    private Integer instances;
    private Double cpus;
    private Double mem;
    private Double disk;
    private Integer gpus;
    private String executor;
    private List<Constraint> constraints;
    private List<String> uris;
    private List<FetchUri> fetch;
    private List<String> storeUrls;
    private Integer backoffSeconds;
    private Double backoffFactor;
    private Integer maxLaunchDelaySeconds;
    private Container container;
    private List<HealthCheck> healthChecks;
    private List<String> dependencies;
    private UpgradeStrategy upgradeStrategy;
    private Map<String, String> labels;
    private List<String> acceptedResourceRoles;
    private List<PortDefinition> portDefinitions;
    private Boolean requirePorts;
    private Integer taskKillGracePeriodSeconds;
    private String version;
    private VersionInfo versionInfo;
    private Integer tasksStaged;
    private Integer tasksRunning;
    private Integer tasksHealthy;
    private Integer tasksUnhealthy;
    private List<DeploymentRef> deployments;
    private List<Task> tasks;

    private Builder() {}

    private Builder(App a) {
      id = a.id;
      cmd = a.cmd;
      args = a.args;
      user = a.user;
      env = a.env;
      instances = a.instances;
      cpus = a.cpus;
      mem = a.mem;
      disk = a.disk;
      gpus = a.gpus;
      executor = a.executor;
      constraints = a.constraints;
      uris = a.uris;
      fetch = a.fetch;
      storeUrls = a.storeUrls;
      backoffSeconds = a.backoffSeconds;
      backoffFactor = a.backoffFactor;
      maxLaunchDelaySeconds = a.maxLaunchDelaySeconds;
      container = a.container;
      healthChecks = a.healthChecks;
      dependencies = a.dependencies;
      upgradeStrategy = a.upgradeStrategy;
      labels = a.labels;
      acceptedResourceRoles = a.acceptedResourceRoles;
      portDefinitions = a.portDefinitions;
      requirePorts = a.requirePorts;
      taskKillGracePeriodSeconds = a.taskKillGracePeriodSeconds;
      version = a.version;
      versionInfo = a.versionInfo;
      tasksStaged = a.tasksStaged;
      tasksRunning = a.tasksRunning;
      tasksHealthy = a.tasksHealthy;
      tasksUnhealthy = a.tasksUnhealthy;
      deployments = a.deployments;
      tasks = a.tasks;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder cmd(String v) {
      cmd = v;
      return this;
    }

    public Builder args(List<String> v) {
      args = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder env(Map<String, String> v) {
      env = v;
      return this;
    }

    public Builder instances(Integer v) {
      instances = v;
      return this;
    }

    public Builder cpus(Double v) {
      cpus = v;
      return this;
    }

    public Builder mem(Double v) {
      mem = v;
      return this;
    }

    public Builder disk(Double v) {
      disk = v;
      return this;
    }

    public Builder gpus(Integer v) {
      gpus = v;
      return this;
    }

    public Builder executor(String v) {
      executor = v;
      return this;
    }

    public Builder constraints(List<Constraint> v) {
      constraints = v;
      return this;
    }

    public Builder uris(List<String> v) {
      uris = v;
      return this;
    }

    public Builder fetch(List<FetchUri> v) {
      fetch = v;
      return this;
    }

    public Builder storeUrls(List<String> v) {
      storeUrls = v;
      return this;
    }

    public Builder backoffSeconds(Integer v) {
      backoffSeconds = v;
      return this;
    }

    public Builder backoffFactor(Double v) {
      backoffFactor = v;
      return this;
    }

    public Builder maxLaunchDelaySeconds(Integer v) {
      maxLaunchDelaySeconds = v;
      return this;
    }

    public Builder container(Container v) {
      container = v;
      return this;
    }

    public Builder healthChecks(List<HealthCheck> v) {
      healthChecks = v;
      return this;
    }

    public Builder dependencies(List<String> v) {
      dependencies = v;
      return this;
    }

    public Builder upgradeStrategy(UpgradeStrategy v) {
      upgradeStrategy = v;
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    public Builder acceptedResourceRoles(List<String> v) {
      acceptedResourceRoles = v;
      return this;
    }

    public Builder portDefinitions(List<PortDefinition> v) {
      portDefinitions = v;
      return this;
    }

    public Builder requirePorts(Boolean v) {
      requirePorts = v;
      return this;
    }

    public Builder taskKillGracePeriodSeconds(Integer v) {
      taskKillGracePeriodSeconds = v;
      return this;
    }

    public Builder version(String v) {
      version = v;
      return this;
    }

    public Builder versionInfo(VersionInfo v) {
      versionInfo = v;
      return this;
    }

    public Builder tasksStaged(Integer v) {
      tasksStaged = v;
      return this;
    }

    public Builder tasksRunning(Integer v) {
      tasksRunning = v;
      return this;
    }

    public Builder tasksHealthy(Integer v) {
      tasksHealthy = v;
      return this;
    }

    public Builder tasksUnhealthy(Integer v) {
      tasksUnhealthy = v;
      return this;
    }

    public Builder deployments(List<DeploymentRef> v) {
      deployments = v;
      return this;
    }

    public Builder tasks(List<Task> v) {
      tasks = v;
      return this;
    }

    public App build() {
      return new App(id, cmd, args, user, env, instances, cpus, mem, disk, gpus, executor,
          constraints, uris, fetch, storeUrls, backoffSeconds, backoffFactor, maxLaunchDelaySeconds,
          container, healthChecks, dependencies, upgradeStrategy, labels, acceptedResourceRoles,
          portDefinitions, requirePorts, taskKillGracePeriodSeconds, version, versionInfo,
          tasksStaged, tasksRunning, tasksHealthy, tasksUnhealthy, deployments, tasks);
    }
  }
}
