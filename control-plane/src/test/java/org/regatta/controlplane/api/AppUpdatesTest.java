package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regatta.controlplane.api.TestJson.q;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH merges top-level fields; PUT replaces the definition. */
class AppUpdatesTest {

  static final App STORED = TestJson.created(q("{'id': '/shop/api', 'cmd': 'serve',"
      + " 'instances': 3, 'cpus': 0.5, 'env': {'A': '1', 'B': '2'}, 'labels': {'team': 'web'},"
      + " 'healthChecks': [{'protocol': 'HTTP', 'path': '/h'}],"
      + " 'portDefinitions': [{'port': 10005, 'name': 'http'}]}"));

  static App body(String singleQuoted) {
    return TestJson.app(q(singleQuoted));
  }

  static AppUpdates.Updated patch(String singleQuoted) {
    return AppUpdates.patch(STORED, body(singleQuoted));
  }

  @Test
  void patchReplacesOnlyTheFieldsItNames() {
    AppUpdates.Updated u = patch("{'instances': 5, 'env': {'C': '3'}}");
    assertTrue(u.errors().isValid(), () -> MarathonJson.write(u.errors()));
    assertEquals(5, u.app().instances());
    assertEquals(Map.of("C", "3"), u.app().env(), "maps are replaced whole, not merged");
    assertEquals(STORED.toBuilder().instances(5).env(Map.of("C", "3")).build(), u.app());
  }

  @Test
  void nullInAPatchKeepsTheStoredValue() {
    AppUpdates.Updated u = patch("{'cmd': null, 'labels': null, 'mem': 64}");
    assertEquals("serve", u.app().cmd());
    assertEquals(Map.of("team", "web"), u.app().labels());
    assertEquals(64.0, u.app().mem());
  }

  @Test
  void patchedNestedValuesGetTheirDefaults() {
    AppUpdates.Updated u = patch("{'healthChecks': [{'protocol': 'TCP'}],"
        + " 'upgradeStrategy': {'minimumHealthCapacity': 0.5}}");
    assertEquals(new HealthCheck(HealthCheckProtocol.TCP, null, 0, null, null,
        300, 60, 20, 3, null, null), u.app().healthChecks().get(0));
    assertEquals(new UpgradeStrategy(0.5, 1.0), u.app().upgradeStrategy());
  }

  @Test
  void patchIsValidated() {
    AppUpdates.Updated u = patch("{'cpus': -1, 'healthChecks': [{'portIndex': 4}]}");
    assertEquals(List.of("got -1.0, expected 0.0 or more"), u.errors().errorsAt("/cpus"));
    assertEquals(List.of(AppValidator.PORT_INDEX), u.errors().errorsAt("/healthChecks(0)"));
  }

  @Test
  void patchIgnoresReadOnlyFieldsAndKeepsTheId() {
    AppUpdates.Updated u = patch("{'id': '/shop/api', 'tasksRunning': 7, 'tasks': [], 'mem': 64}");
    assertTrue(u.errors().isValid());
    assertEquals("/shop/api", u.app().id());
    assertNull(u.app().tasksRunning());
    assertNull(u.app().tasks());
  }

  @Test
  void aPatchForAnotherAppIsRefused() {
    AppUpdates.Updated u = patch("{'id': '/shop/other', 'mem': 64}");
    assertNull(u.app());
    assertFalse(u.errors().errorsAt("/id").isEmpty());
  }

  @Test
  void patchingUrisReplacesFetch() {
    App withFetch = AppUpdates.patch(STORED, body("{'fetch': [{'uri': 'https://h/a'}]}")).app();
    App patched = AppUpdates.patch(withFetch, body("{'uris': ['https://h/b.zip']}")).app();
    assertEquals(List.of(new FetchUri("https://h/b.zip", true, false, false, null)),
        patched.fetch());
    assertNull(patched.uris());
  }

  @Test
  void switchingToBridgeNetworkingDropsTheHostPortDefinitions() {
    AppUpdates.Updated u = patch("{'cmd': null, 'container': {'docker': {'image': 'nginx',"
        + " 'network': 'BRIDGE', 'portMappings': [{'containerPort': 80}]}}}");
    assertTrue(u.errors().isValid(), () -> MarathonJson.write(u.errors()));
    assertEquals(List.of(), u.app().portDefinitions());
  }

  @Test
  void versionOnlyIsARollbackAndMayNotBeMixed() {
    assertTrue(AppUpdates.isRollback(body("{'version': '2024-01-01T00:00:00.000Z'}")));
    assertTrue(AppUpdates.isRollback(body("{'id': '/a', 'version': '2024-01-01T00:00:00.000Z'}")));
    assertFalse(AppUpdates.isRollback(body("{'mem': 1, 'version': '2024-01-01T00:00:00.000Z'}")));
    AppUpdates.Updated u = patch("{'mem': 64, 'version': '2024-01-01T00:00:00.000Z'}");
    assertEquals(List.of(AppUpdates.VERSION_ALONE), u.errors().errorsAt("/"));
  }

  @Test
  void putReplacesTheDefinitionAndDefaultsTheRest() {
    AppUpdates.Updated u =
        AppUpdates.replace("/shop/api", body("{'cmd': 'serve --v2', 'mem': 64}"));
    assertTrue(u.errors().isValid(), () -> MarathonJson.write(u.errors()));
    App expected = TestJson.created(q("{'id': '/shop/api', 'cmd': 'serve --v2', 'mem': 64}"));
    assertEquals(expected, u.app());
    assertEquals(1, u.app().instances(), "what PUT leaves out is back to its default");
    assertEquals(Map.of(), u.app().env());
  }

  @Test
  void putTakesTheIdFromTheUrl() {
    assertEquals("/shop/api", AppUpdates.replace("shop/api", body("{'cmd': 'x'}")).app().id());
    assertTrue(AppUpdates.replace("/shop/api", body("{'id': 'shop/api', 'cmd': 'x'}"))
        .errors().isValid());
    assertFalse(AppUpdates.replace("/shop/api", body("{'id': '/x', 'cmd': 'x'}"))
        .errors().isValid());
  }

  @Test
  void putOfAGetResponseWorks() {
    App got = STORED.toBuilder().tasksRunning(3).tasksStaged(0).tasksHealthy(3).tasksUnhealthy(0)
        .deployments(List.of()).versionInfo(new VersionInfo("t1", "t0")).build();
    String response = MarathonJson.write(got.toBuilder().versionInfo(null).build());
    AppUpdates.Updated u = AppUpdates.replace("/shop/api", TestJson.app(response));
    assertTrue(u.errors().isValid(), () -> MarathonJson.write(u.errors()));
    assertEquals(STORED, u.app());
  }
}
