package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service port assignment, pure: an immutable pool of the service ports apps hold, which gives an
 * app asking for port 0 the lowest free port of the range (Marathon's {@code --local_port_min/max},
 * 10000–20000, max exclusive). An app keeps its explicit ports; an app being updated gets back the
 * ports its previous version held before new ones are taken. Unlike Marathon, an explicit port that
 * another app already holds is refused (Marathon lets two apps claim one service port).
 */
public final class ServicePorts {

  /** Marathon's default range, {@code [10000, 20000)}. */
  public static final Range DEFAULT_RANGE = new Range(10000, 20000);

  /** A port range, {@code min} inclusive, {@code max} exclusive. */
  public record Range(int min, int max) {
    public Range {
      if (min < 1 || max > 65536 || min >= max) {
        throw new IllegalArgumentException(
            "service port range must satisfy 1 <= min < max <= 65536, got ["
                + min + ", " + max + ")");
      }
    }

    public boolean contains(int port) {
      return port >= min && port < max;
    }
  }

  /** The app with its service ports filled (as it was when {@code errors}), and the next pool. */
  public record Assigned(App app, ServicePorts pool, ValidationResult errors) {}

  /** Every app of a batch with its ports, and the errors ({@code /apps(i)/...}, i in the batch). */
  public record Batch(List<App> apps, ServicePorts pool, ValidationResult errors) {
    public Batch {
      apps = List.copyOf(apps);
    }
  }

  private final Range range;
  /** Service port → app id, for every port held (in range or not). */
  private final Map<Integer, String> holders;
  /** App id → the ports it holds, in its order. */
  private final Map<String, List<Integer>> byApp;

  private ServicePorts(
      Range range, Map<Integer, String> holders, Map<String, List<Integer>> byApp) {
    this.range = range;
    this.holders = holders;
    this.byApp = byApp;
  }

  /** The pool of the apps as stored now (their non-zero service ports). */
  public static ServicePorts of(Range range, Collection<App> current) {
    ServicePorts pool = new ServicePorts(range, Map.of(), Map.of());
    for (App a : current) {
      pool = pool.with(a.id(), nonZero(a.servicePorts()));
    }
    return pool;
  }

  public Range range() {
    return range;
  }

  /** Who holds {@code port}, or null. */
  public String holder(int port) {
    return holders.get(port);
  }

  /** Fills every 0 service port of {@code app} (a new app, or a new version of a stored one). */
  public Assigned assign(App app) {
    String id = app.id();
    List<Integer> wanted = app.servicePorts();
    Violations v = new Violations();
    for (int i = 0; i < wanted.size(); i++) {
      int p = wanted.get(i);
      String other = holders.get(p);
      if (p != 0 && other != null && !other.equals(id)) {
        v.add(portPath(app, i),
            "Requested service port " + p + " conflicts with a service port of app " + other);
      }
    }
    if (!v.isEmpty()) {
      return new Assigned(app, this, v.result(ValidationResult.OBJECT_NOT_VALID));
    }

    BitSet taken = new BitSet();
    holders.forEach((port, holder) -> {
      if (range.contains(port)) {
        taken.set(port - range.min());
      }
    });
    for (int p : wanted) {
      if (p != 0 && range.contains(p)) {
        taken.set(p - range.min());
      }
    }
    // the previous version's ports in the range are this app's to reuse, unless it now names them
    List<Integer> reusable = new ArrayList<>();
    for (int p : byApp.getOrDefault(id, List.of())) {
      if (range.contains(p) && !wanted.contains(p)) {
        reusable.add(p);
      }
    }
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      int p = wanted.get(i);
      if (p == 0) {
        if (!reusable.isEmpty()) {
          p = reusable.remove(0);
        } else {
          int free = taken.nextClearBit(0);
          if (free >= range.max() - range.min()) {
            v.add(portPath(app, i), "All service ports in the range [" + range.min() + ", "
                + range.max() + ") are in use");
            continue;
          }
          p = range.min() + free;
        }
      }
      if (range.contains(p)) {
        taken.set(p - range.min());
      }
      result.add(p);
    }
    if (!v.isEmpty()) {
      return new Assigned(app, this, v.result(ValidationResult.OBJECT_NOT_VALID));
    }
    App filled = withServicePorts(app, result);
    return new Assigned(filled, with(id, result), ValidationResult.valid());
  }

  /** Assigns a batch in order (a group deployment); an app's errors come under {@code /apps(i)}. */
  public Batch assignAll(List<App> apps) {
    ServicePorts pool = this;
    List<App> out = new ArrayList<>();
    Violations v = new Violations();
    for (int i = 0; i < apps.size(); i++) {
      Assigned a = pool.assign(apps.get(i));
      v.addAll(a.errors(), "/apps(" + i + ")");
      out.add(a.app());
      pool = a.pool();
    }
    return new Batch(out, pool, v.result(ValidationResult.OBJECT_NOT_VALID));
  }

  /** The pool once {@code appId} is gone (its ports free again). */
  public ServicePorts without(String appId) {
    return with(appId, List.of());
  }

  private ServicePorts with(String appId, List<Integer> ports) {
    Map<Integer, String> h = new HashMap<>(holders);
    Map<String, List<Integer>> b = new HashMap<>(byApp);
    for (int p : b.getOrDefault(appId, List.of())) {
      if (appId.equals(h.get(p))) {
        h.remove(p);
      }
    }
    b.remove(appId);
    List<Integer> kept = nonZero(ports);
    if (!kept.isEmpty()) {
      b.put(appId, kept);
      for (int p : kept) {
        h.putIfAbsent(p, appId);
      }
    }
    return new ServicePorts(range, Map.copyOf(h), Map.copyOf(b));
  }

  private static List<Integer> nonZero(List<Integer> ports) {
    return ports.stream().filter(p -> p != 0).toList();
  }

  private static String portPath(App app, int i) {
    return app.usesPortMappings()
        ? "/container/docker/portMappings(" + i + ")/servicePort"
        : "/portDefinitions(" + i + ")/port";
  }

  private static App withServicePorts(App app, List<Integer> ports) {
    if (app.usesPortMappings()) {
      List<PortMapping> mappings = new ArrayList<>();
      List<PortMapping> old = app.container().effectivePortMappings();
      for (int i = 0; i < old.size(); i++) {
        mappings.add(old.get(i).withServicePort(ports.get(i)));
      }
      Docker docker = app.container().docker().withPortMappings(mappings);
      return app.toBuilder().container(app.container().withDocker(docker)).build();
    }
    List<PortDefinition> defs = new ArrayList<>();
    List<PortDefinition> old = Copies.orEmpty(app.portDefinitions());
    for (int i = 0; i < old.size(); i++) {
      defs.add(old.get(i).withPort(ports.get(i)));
    }
    return app.toBuilder().portDefinitions(defs).build();
  }
}
