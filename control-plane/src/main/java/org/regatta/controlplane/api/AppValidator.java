package org.regatta.controlplane.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Marathon's app validation, with Marathon's messages ("got -3.0, expected 0.0 or more", "Port
 * names must be unique." …). Meant for the stored form ({@link AppDefaults#forCreate}); null
 * fields are simply not checked, so a partial app can be validated too.
 */
public final class AppValidator {

  static final String CMD_ARGS_CONTAINER =
      "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";
  static final String PORT_INDEX =
      "Health check port indices must address an element of the ports array or container port "
          + "mappings.";
  static final String OPERATORS =
      "Constraint operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER "
          + "or UNLIKE";
  static final String EXECUTOR_REGEX = "^(//cmd)|(/?[^/]+(/[^/]+)*)|$";
  static final String PORT_NAME_REGEX = "^[a-z][a-z0-9-]*$";
  static final List<String> PROTOCOLS = List.of("tcp", "udp", "udp,tcp");
  static final String SINGLE_INSTANCE_LABEL = "MARATHON_SINGLE_INSTANCE_APP";

  private static final Pattern EXECUTOR = Pattern.compile(EXECUTOR_REGEX);
  private static final Pattern PORT_NAME = Pattern.compile(PORT_NAME_REGEX);

  private AppValidator() {}

  /** Every error of {@code app}, by path, or {@link ValidationResult#valid()}. */
  public static ValidationResult validate(App app) {
    Violations v = new Violations();
    check(app, v);
    return v.result(ValidationResult.OBJECT_NOT_VALID);
  }

  static void check(App app, Violations v) {
    checkId(app.id(), "/id", v);
    checkCommand(app, v);
    checkNumbers(app, v);
    if (app.executor() != null && !EXECUTOR.matcher(app.executor()).matches()) {
      v.add("/executor", "must fully match regular expression '" + EXECUTOR_REGEX + "'");
    }
    List<Constraint> constraints = Copies.orEmpty(app.constraints());
    for (int i = 0; i < constraints.size(); i++) {
      String problem = constraintProblem(constraints.get(i));
      if (problem != null) {
        v.add("/constraints(" + i + ")", problem);
      }
    }
    checkPortDefinitions(app, v);
    if (app.container() != null) {
      checkContainer(app, v);
    }
    checkHealthChecks(app, v);
    checkFetch(app, v);
    List<String> deps = Copies.orEmpty(app.dependencies());
    for (int i = 0; i < deps.size(); i++) {
      String dep = deps.get(i);
      String base = app.id() == null ? PathIds.ROOT : PathIds.parent(PathIds.canonical(app.id()));
      for (String p : PathIds.problems(PathIds.canonical(dep, base))) {
        v.add("/dependencies(" + i + ")", p);
      }
    }
    if (app.acceptedResourceRoles() != null && app.acceptedResourceRoles().isEmpty()) {
      v.add("/acceptedResourceRoles", "must not be empty");
    }
    if (app.labels() != null && "true".equals(app.labels().get(SINGLE_INSTANCE_LABEL))
        && app.instances() != null && app.instances() > 1) {
      v.add("/", "Single instance app may only have one instance");
    }
  }

  static void checkId(String id, String path, Violations v) {
    if (id == null || PathIds.segments(id).isEmpty()) {
      v.add(path, PathIds.EMPTY_ERROR);
      return;
    }
    if (!PathIds.isAbsolute(id)) {
      v.add(path, "Path needs to be absolute");
    }
    for (String p : PathIds.problems(PathIds.canonical(id))) {
      v.add(path, p);
    }
  }

  private static void checkCommand(App app, Violations v) {
    if (app.cmd() != null && app.cmd().isEmpty()) {
      v.add("/cmd", "must not be an empty string");
    }
    boolean cmd = app.cmd() != null && !app.cmd().isEmpty();
    boolean args = app.args() != null && !app.args().isEmpty();
    boolean image = app.container() != null && app.container().docker() != null
        && app.container().docker().image() != null && !app.container().docker().image().isBlank();
    if (!((cmd ^ args) || (!(cmd && args) && image))) {
      v.add("/", CMD_ARGS_CONTAINER);
    }
  }

  private static void checkNumbers(App app, Violations v) {
    atLeast(v, "/instances", app.instances(), 0);
    atLeast(v, "/cpus", app.cpus(), 0.0);
    atLeast(v, "/mem", app.mem(), 0.0);
    atLeast(v, "/disk", app.disk(), 0.0);
    atLeast(v, "/gpus", app.gpus(), 0);
    atLeast(v, "/backoffSeconds", app.backoffSeconds(), 0);
    atLeast(v, "/backoffFactor", app.backoffFactor(), 1.0);
    atLeast(v, "/maxLaunchDelaySeconds", app.maxLaunchDelaySeconds(), 0);
    atLeast(v, "/taskKillGracePeriodSeconds", app.taskKillGracePeriodSeconds(), 0);
    UpgradeStrategy us = app.upgradeStrategy();
    if (us != null) {
      between(v, "/upgradeStrategy/minimumHealthCapacity", us.minimumHealthCapacity(), 0.0, 1.0);
      between(v, "/upgradeStrategy/maximumOverCapacity", us.maximumOverCapacity(), 0.0, 1.0);
    }
    if (app.gpus() != null && app.gpus() > 0 && app.container() != null
        && app.container().type() == ContainerType.DOCKER) {
      v.add("/", "GPU resources only work with the Mesos containerizer");
    }
  }

  /** Marathon's rule for one constraint, or null when it holds. */
  static String constraintProblem(Constraint c) {
    if (c.field() == null || c.field().isEmpty() || c.operator() == null) {
      return "Missing field and operator";
    }
    if (c.knownOperator().isEmpty()) {
      return OPERATORS;
    }
    String value = c.value();
    switch (c.knownOperator().get()) {
      case UNIQUE:
        // Marathon 1.x wrote ["hostname", "UNIQUE", ""]; an empty value reads as none.
        return value == null || value.isEmpty() ? null : "Value specified but not used";
      case CLUSTER:
        return value == null || value.isEmpty() ? "Missing value" : null;
      case GROUP_BY:
        return value == null || value.isEmpty() || isInt(value)
            ? null : "Value was specified but is not a number";
      case MAX_PER:
        return value != null && isInt(value) ? null : "Value was not specified or is not a number";
      case LIKE:
      case UNLIKE:
        if (value == null) {
          return "A regular expression value must be provided";
        }
        try {
          Pattern.compile(value);
          return null;
        } catch (PatternSyntaxException e) {
          return "'" + value + "' is not a valid regular expression";
        }
      default:
        return OPERATORS;
    }
  }

  private static void checkPortDefinitions(App app, Violations v) {
    List<PortDefinition> defs = app.portDefinitions();
    if (defs == null) {
      return;
    }
    if (!defs.isEmpty() && app.usesPortMappings()) {
      v.add("/portDefinitions", "portDefinitions are only allowed with host-networking");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    boolean dupName = false;
    boolean dupPort = false;
    for (int i = 0; i < defs.size(); i++) {
      PortDefinition d = defs.get(i);
      String at = "/portDefinitions(" + i + ")";
      between(v, at + "/port", d.port(), 0, 65535);
      checkProtocol(v, at + "/protocol", d.protocol());
      checkPortName(v, at + "/name", d.name());
      dupName |= d.name() != null && !names.add(d.name());
      dupPort |= d.port() != null && d.port() != 0 && !ports.add(d.port());
    }
    if (dupName) {
      v.add("/portDefinitions", "Port names must be unique.");
    }
    if (dupPort) {
      v.add("/portDefinitions", "Ports must be unique.");
    }
  }

  private static void checkContainer(App app, Violations v) {
    Container c = app.container();
    Docker d = c.docker();
    if (c.type() == ContainerType.DOCKER && d == null) {
      v.add("/container/docker", "not defined");
    }
    if (d != null) {
      if (d.image() == null || d.image().isBlank()) {
        v.add("/container/docker/image", "must not be empty");
      }
      if (c.type() == ContainerType.MESOS) {
        if (d.network() != null) {
          v.add("/container/docker/network", "must be empty");
        }
        if (d.portMappings() != null && !d.portMappings().isEmpty()) {
          v.add("/container/docker/portMappings", "must be empty");
        }
        if (d.parameters() != null && !d.parameters().isEmpty()) {
          v.add("/container/docker/parameters", "must be empty");
        }
      } else {
        checkPortMappings(d, v);
      }
      List<DockerParameter> params = Copies.orEmpty(d.parameters());
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).key() == null || params.get(i).key().isEmpty()) {
          v.add("/container/docker/parameters(" + i + ")/key", "must not be empty");
        }
      }
    }
    checkVolumes(c, v);
  }

  private static void checkPortMappings(Docker d, Violations v) {
    List<PortMapping> mappings = d.portMappings();
    if (mappings == null || mappings.isEmpty()) {
      return;
    }
    String at = "/container/docker/portMappings";
    if (d.network() == DockerNetwork.HOST) {
      v.add(at, "portMappings are not allowed with host-networking");
    } else if (d.network() == null || d.network() == DockerNetwork.NONE) {
      v.add(at, "portMappings are only allowed with BRIDGE or USER networking");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> servicePorts = new HashSet<>();
    boolean dupName = false;
    boolean dupService = false;
    for (int i = 0; i < mappings.size(); i++) {
      PortMapping m = mappings.get(i);
      String item = at + "(" + i + ")";
      between(v, item + "/containerPort", m.containerPort(), 0, 65535);
      between(v, item + "/hostPort", m.hostPort(), 0, 65535);
      between(v, item + "/servicePort", m.servicePort(), 0, 65535);
      checkProtocol(v, item + "/protocol", m.protocol());
      checkPortName(v, item + "/name", m.name());
      dupName |= m.name() != null && !names.add(m.name());
      Integer sp = m.servicePort();
      dupService |= sp != null && sp != 0 && !servicePorts.add(sp);
    }
    if (dupName) {
      v.add(at, "Port names must be unique.");
    }
    if (dupService) {
      v.add(at, "Service ports must be unique.");
    }
  }

  private static void checkVolumes(Container c, Violations v) {
    List<Volume> volumes = Copies.orEmpty(c.volumes());
    Set<String> externalNames = new HashSet<>();
    boolean dupExternal = false;
    for (int i = 0; i < volumes.size(); i++) {
      Volume vol = volumes.get(i);
      String at = "/container/volumes(" + i + ")";
      if (vol.containerPath() == null || vol.containerPath().isEmpty()) {
        v.add(at + "/containerPath", "must not be empty");
      }
      if (vol.hostPath() != null && vol.hostPath().isEmpty()) {
        v.add(at + "/hostPath", "must not be empty");
      }
      int kinds = (vol.hostPath() != null ? 1 : 0) + (vol.persistent() != null ? 1 : 0)
          + (vol.external() != null ? 1 : 0);
      if (kinds > 1) {
        v.add(at, "only one of hostPath, persistent and external may be given");
      }
      if (vol.persistent() != null) {
        Long size = vol.persistent().size();
        if (size == null) {
          v.add(at + "/persistent/size", "not defined");
        } else if (size <= 0) {
          v.add(at + "/persistent/size", "got " + size + ", expected more than 0");
        }
      }
      if (vol.external() != null) {
        if (vol.external().name() == null || vol.external().name().isEmpty()) {
          v.add(at + "/external/name", "not defined");
        } else {
          dupExternal |= !externalNames.add(vol.external().name());
        }
        if (vol.external().provider() == null || vol.external().provider().isEmpty()) {
          v.add(at + "/external/provider", "not defined");
        }
      }
    }
    if (dupExternal) {
      v.add("/container/volumes", "Volume names must be unique");
    }
  }

  private static void checkHealthChecks(App app, Violations v) {
    List<HealthCheck> checks = Copies.orEmpty(app.healthChecks());
    int portCount = app.usesPortMappings()
        ? app.container().effectivePortMappings().size()
        : Copies.orEmpty(app.portDefinitions()).size();
    int agentSidePortChecks = 0;
    for (int i = 0; i < checks.size(); i++) {
      HealthCheck hc = checks.get(i);
      String at = "/healthChecks(" + i + ")";
      HealthCheckProtocol protocol =
          hc.protocol() == null ? HealthCheckProtocol.HTTP : hc.protocol();
      if (protocol == HealthCheckProtocol.COMMAND) {
        HealthCheck.Command cmd = hc.command();
        if (cmd == null || cmd.value() == null || cmd.value().isBlank()) {
          v.add(at + "/command", "not defined");
        }
      } else {
        if (hc.command() != null) {
          v.add(at + "/command", "must be empty unless the protocol is COMMAND");
        }
        if (hc.portIndex() != null && hc.port() != null) {
          v.add(at, "either portIndex or port, not both");
        } else if (hc.portIndex() != null) {
          if (hc.portIndex() < 0 || hc.portIndex() >= portCount) {
            v.add(at, PORT_INDEX);
          }
        } else if (hc.port() == null && portCount != 1) {
          v.add(at, PORT_INDEX);
        }
        between(v, at + "/port", hc.port(), 0, 65535);
        if (protocol.agentSide()) {
          agentSidePortChecks++;
        }
      }
      atLeast(v, at + "/gracePeriodSeconds", hc.gracePeriodSeconds(), 0);
      atLeast(v, at + "/intervalSeconds", hc.intervalSeconds(), 0);
      atLeast(v, at + "/timeoutSeconds", hc.timeoutSeconds(), 0);
      atLeast(v, at + "/maxConsecutiveFailures", hc.maxConsecutiveFailures(), 0);
      atLeast(v, at + "/delaySeconds", hc.delaySeconds(), 0);
    }
    if (agentSidePortChecks > 1) {
      v.add("/", "AppDefinition can contain at most one Mesos health check");
    }
  }

  private static void checkFetch(App app, Violations v) {
    List<FetchUri> fetch = Copies.orEmpty(app.fetch());
    for (int i = 0; i < fetch.size(); i++) {
      String uri = fetch.get(i).uri();
      String at = "/fetch(" + i + ")/uri";
      if (uri == null || uri.isEmpty()) {
        v.add(at, "not defined");
        continue;
      }
      try {
        new URI(uri);
      } catch (URISyntaxException e) {
        v.add(at, "URI has invalid syntax.");
      }
    }
    if (app.uris() != null && !app.uris().isEmpty() && !fetch.isEmpty() && !sameUris(app)) {
      v.add("/uris", "may not be set in conjunction with fetch");
    }
  }

  /** Whether {@code uris} names exactly the URIs of {@code fetch} (as Marathon 1.4 wrote them). */
  static boolean sameUris(App app) {
    List<String> fetched = Copies.orEmpty(app.fetch()).stream().map(FetchUri::uri).toList();
    return Objects.equals(Copies.orEmpty(app.uris()), fetched);
  }

  private static void checkProtocol(Violations v, String path, String protocol) {
    if (protocol != null && !PROTOCOLS.contains(protocol)) {
      v.add(path, "is not one of (" + String.join(",", PROTOCOLS) + ")");
    }
  }

  private static void checkPortName(Violations v, String path, String name) {
    if (name != null && !PORT_NAME.matcher(name).matches()) {
      v.add(path, "must fully match regular expression '" + PORT_NAME_REGEX + "'");
    }
  }

  private static void atLeast(Violations v, String path, Integer value, int min) {
    if (value != null && value < min) {
      v.add(path, "got " + value + ", expected " + min + " or more");
    }
  }

  private static void atLeast(Violations v, String path, Double value, double min) {
    if (value != null && value < min) {
      v.add(path, "got " + value + ", expected " + min + " or more");
    }
  }

  private static void between(Violations v, String path, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      v.add(path, "got " + value + ", expected between " + min + " and " + max);
    }
  }

  private static void between(Violations v, String path, Double value, double min, double max) {
    if (value != null && (value < min || value > max)) {
      v.add(path, "got " + value + ", expected between " + min + " and " + max);
    }
  }

  private static boolean isInt(String s) {
    try {
      Integer.parseInt(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
