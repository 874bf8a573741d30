package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServicePortsTest {

  static final ServicePorts.Range RANGE = ServicePorts.DEFAULT_RANGE;

  static App hostApp(String id, Integer... ports) {
    List<PortDefinition> defs = new ArrayList<>();
    for (Integer p : ports) {
      defs.add(PortDefinition.of(p));
    }
    return AppDefaults.forCreate(App.builder().id(id).cmd("x").portDefinitions(defs).build());
  }

  static App bridgeApp(String id, Integer... servicePorts) {
    List<PortMapping> mappings = new ArrayList<>();
    for (Integer p : servicePorts) {
      mappings.add(PortMapping.of(80).withServicePort(p));
    }
    Docker docker =
        Docker.ofImage("nginx").withNetwork(DockerNetwork.BRIDGE).withPortMappings(mappings);
    return AppDefaults.forCreate(
        App.builder().id(id).container(Container.ofDocker(docker)).build());
  }

  @Test
  void zerosGetTheLowestFreePortsAndExplicitOnesStay() {
    ServicePorts pool = ServicePorts.of(RANGE, List.of(hostApp("/a", 10000, 10002)));
    ServicePorts.Assigned r = pool.assign(hostApp("/b", 0, 12345, 0));
    assertTrue(r.errors().isValid());
    assertEquals(List.of(10001, 12345, 10003), r.app().servicePorts());
    assertEquals("/b", r.pool().holder(10003));
    assertEquals("/a", r.pool().holder(10000));
  }

  @Test
  void aZeroNeverTakesAPortTheSameAppNamesLater() {
    ServicePorts.Assigned r = ServicePorts.of(RANGE, List.of()).assign(hostApp("/a", 0, 10000));
    assertEquals(List.of(10001, 10000), r.app().servicePorts());
  }

  @Test
  void bridgedAppsGetServicePortsInTheirMappings() {
    ServicePorts.Assigned r = ServicePorts.of(RANGE, List.of()).assign(bridgeApp("/web", 0, 0));
    assertEquals(List.of(10000, 10001), r.app().servicePorts());
    assertEquals(10001, r.app().container().docker().portMappings().get(1).servicePort());
    assertEquals(80, r.app().container().docker().portMappings().get(1).containerPort());
  }

  @Test
  void aNewVersionGetsItsOldPortsBack() {
    ServicePorts pool = ServicePorts.of(RANGE,
        List.of(hostApp("/a", 10000), hostApp("/b", 10001, 10002), hostApp("/c", 10003)));
    ServicePorts.Assigned r = pool.assign(hostApp("/b", 0, 0, 0));
    assertEquals(List.of(10001, 10002, 10004), r.app().servicePorts());
  }

  @Test
  void anExplicitPortHeldByAnotherAppIsAConflict() {
    ServicePorts pool = ServicePorts.of(RANGE, List.of(hostApp("/a", 10000)));
    ServicePorts.Assigned r = pool.assign(hostApp("/b", 0, 10000));
    assertEquals(List.of("Requested service port 10000 conflicts with a service port of app /a"),
        r.errors().errorsAt("/portDefinitions(1)/port"));
    assertEquals(pool, r.pool());
    ServicePorts.Assigned bridged = pool.assign(bridgeApp("/c", 10000));
    assertFalse(
        bridged.errors().errorsAt("/container/docker/portMappings(0)/servicePort").isEmpty());
  }

  @Test
  void anAppMayKeepItsOwnExplicitPorts() {
    ServicePorts pool = ServicePorts.of(RANGE, List.of(hostApp("/a", 10000)));
    assertTrue(pool.assign(hostApp("/a", 10000, 0)).errors().isValid());
  }

  @Test
  void anExhaustedRangeIsReported() {
    ServicePorts pool =
        ServicePorts.of(new ServicePorts.Range(30000, 30002), List.of(hostApp("/a", 30000)));
    ServicePorts.Assigned r = pool.assign(hostApp("/b", 0, 0));
    assertEquals(List.of("All service ports in the range [30000, 30002) are in use"),
        r.errors().errorsAt("/portDefinitions(1)/port"));
  }

  @Test
  void removedAppsFreeTheirPorts() {
    ServicePorts pool = ServicePorts.of(RANGE, List.of(hostApp("/a", 10000))).without("/a");
    assertNull(pool.holder(10000));
    assertEquals(List.of(10000), pool.assign(hostApp("/b", 0)).app().servicePorts());
  }

  @Test
  void batchesCarryThePoolAlongAndPrefixErrors() {
    ServicePorts.Batch b = ServicePorts.of(RANGE, List.of())
        .assignAll(List.of(hostApp("/a", 0), hostApp("/b", 0), hostApp("/c", 10000)));
    assertEquals(List.of(10000), b.apps().get(0).servicePorts());
    assertEquals(List.of(10001), b.apps().get(1).servicePorts());
    assertFalse(b.errors().errorsAt("/apps(2)/portDefinitions(0)/port").isEmpty());
  }

  /** Fixed seeds, so that a failure is reproducible. */
  static Stream<Long> seeds() {
    return IntStream.rangeClosed(1, 25).mapToObj(i -> 7919L * i);
  }

  /** Random creates, updates, deletes: no port is ever held twice; explicit ports are kept. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverHandsOutAPortTwice(long seed) {
    Random random = new Random(seed);
    ServicePorts.Range range = new ServicePorts.Range(20000, 20000 + 40 + random.nextInt(200));
    ServicePorts pool = ServicePorts.of(range, List.of());
    Map<String, App> stored = new LinkedHashMap<>();
    for (int step = 0; step < 400; step++) {
      String id = "/app-" + random.nextInt(30);
      if (random.nextInt(6) == 0) {
        stored.remove(id);
        pool = pool.without(id);
      } else {
        Integer[] wanted = new Integer[random.nextInt(4)];
        for (int i = 0; i < wanted.length; i++) {
          int kind = random.nextInt(10);
          int span = range.max() - range.min();
          wanted[i] = kind < 7 ? 0
              : kind < 9 ? range.min() + random.nextInt(span)
              : 1000 + random.nextInt(5);
        }
        App app = random.nextBoolean() ? hostApp(id, wanted) : bridgeApp(id, wanted);
        if (!AppValidator.validate(app).isValid()) {
          continue; // the same explicit port twice in one app
        }
        ServicePorts.Assigned r = pool.assign(app);
        if (r.errors().isValid()) {
          List<Integer> got = r.app().servicePorts();
          for (int i = 0; i < wanted.length; i++) {
            if (wanted[i] != 0) {
              assertEquals(wanted[i], got.get(i), "explicit ports are kept");
            } else {
              assertTrue(range.contains(got.get(i)), "assigned ports come from the range");
            }
          }
          stored.put(id, r.app());
          pool = r.pool();
        } else {
          assertEquals(pool, r.pool(), "a refused app changes nothing");
        }
      }
      Map<Integer, String> seen = new HashMap<>();
      for (App a : stored.values()) {
        for (int p : a.servicePorts()) {
          String before = seen.put(p, a.id());
          assertNull(before,
              () -> "port " + p + " held by " + before + " and " + a.id() + " (seed " + seed + ")");
          assertEquals(a.id(), pool.holder(p));
        }
      }
    }
  }
}
