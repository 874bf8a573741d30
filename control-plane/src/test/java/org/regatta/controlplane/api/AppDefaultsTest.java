package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.regatta.controlplane.api.TestJson.q;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marathon 1.4's defaults and the stored form of an app. */
class AppDefaultsTest {

  static App created(String singleQuoted) {
    return TestJson.created(q(singleQuoted));
  }

  @Test
  void aMinimalAppGetsMarathonsDefaults() {
    App app = created("{'id': 'web/api', 'cmd': 'serve'}");
    App expected = App.builder()
        .id("/web/api")
        .cmd("serve")
        .env(Map.of())
        .instances(1)
        .cpus(1.0)
        .mem(128.0)
        .disk(0.0)
        .gpus(0)
        .constraints(List.of())
        .fetch(List.of())
        .backoffSeconds(1)
        .backoffFactor(1.15)
        .maxLaunchDelaySeconds(3600)
        .healthChecks(List.of())
        .dependencies(List.of())
        .upgradeStrategy(new UpgradeStrategy(1.0, 1.0))
        .labels(Map.of())
        .portDefinitions(List.of(new PortDefinition(0, "tcp", null, Map.of())))
        .requirePorts(false)
        .build();
    assertEquals(expected, app);
    TestJson.assertSameTree(TestJson.tree(q("{'id': '/web/api', 'cmd': 'serve', 'env': {},"
        + " 'instances': 1, 'cpus': 1, 'mem': 128, 'disk': 0, 'gpus': 0, 'constraints': [],"
        + " 'fetch': [], 'backoffSeconds': 1, 'backoffFactor': 1.15, 'maxLaunchDelaySeconds': 3600,"
        + " 'healthChecks': [], 'dependencies': [],"
        + " 'upgradeStrategy': {'minimumHealthCapacity': 1, 'maximumOverCapacity': 1},"
        + " 'labels': {}, 'portDefinitions': [{'port': 0, 'protocol': 'tcp', 'labels': {}}],"
        + " 'requirePorts': false}")), MarathonJson.toTree(app));
  }

  @Test
  void givenValuesAreKept() {
    App app = created("{'id': '/a', 'cmd': 'x', 'cpus': 0.1, 'instances': 0,"
        + " 'portDefinitions': [], 'upgradeStrategy': {'minimumHealthCapacity': 0.5}}");
    assertEquals(0.1, app.cpus());
    assertEquals(0, app.instances());
    assertEquals(List.of(), app.portDefinitions());
    assertEquals(new UpgradeStrategy(0.5, 1.0), app.upgradeStrategy());
  }

  @Test
  void idsAreMadeAbsoluteAndCanonical() {
    assertEquals("/web/api", created("{'id': 'web/api', 'cmd': 'x'}").id());
    assertEquals("/web/api", created("{'id': '/web//api/', 'cmd': 'x'}").id());
    assertEquals("/api", created("{'id': '/web/../api', 'cmd': 'x'}").id());
    App body = TestJson.app(q("{'id': 'api', 'cmd': 'x',"
        + " 'dependencies': ['db', '../cache', '/infra/dns']}"));
    App nested = AppDefaults.forCreate(body, "/shop/backend");
    assertEquals("/shop/backend/api", nested.id());
    assertEquals(List.of("/shop/backend/db", "/shop/cache", "/infra/dns"), nested.dependencies());
  }

  @Test
  void readOnlyFieldsAreDroppedOnCreate() {
    App app = TestJson.created(TestJson.resource("full-app.json"));
    assertNull(app.version());
    assertNull(app.versionInfo());
    assertNull(app.tasks());
    assertNull(app.tasksRunning());
    assertNull(app.deployments());
  }

  @Test
  void bridgedDockerAppsGetMappingDefaultsAndNoPortDefinitions() {
    App app = created("{'id': '/a', 'container': {'docker': {'image': 'nginx',"
        + " 'network': 'BRIDGE', 'portMappings': [{'containerPort': 80}]}}}");
    assertEquals(ContainerType.DOCKER, app.container().type());
    assertEquals(List.of(), app.container().volumes());
    Docker docker = app.container().docker();
    assertEquals(List.of(new PortMapping(80, 0, 0, "tcp", null, Map.of())), docker.portMappings());
    assertEquals(false, docker.privileged());
    assertEquals(false, docker.forcePullImage());
    assertEquals(List.of(), docker.parameters());
    assertEquals(List.of(), app.portDefinitions());
  }

  @Test
  void userNetworkingLeavesHostPortsUnset() {
    App app = created("{'id': '/a', 'container': {'docker': {'image': 'nginx',"
        + " 'network': 'USER', 'portMappings': [{'containerPort': 80}]}}}");
    assertNull(app.container().docker().portMappings().get(0).hostPort());
  }

  @Test
  void hostNetworkedDockerAppsGetOnePortDefinition() {
    App app = created("{'id': '/a', 'container': {'type': 'DOCKER',"
        + " 'docker': {'image': 'nginx', 'network': 'HOST'}}}");
    assertEquals(List.of(new PortDefinition(0, "tcp", null, Map.of())), app.portDefinitions());
  }

  @Test
  void healthChecksGetMarathonsTimingsAndPortIndexZero() {
    App app = created("{'id': '/a', 'cmd': 'x', 'healthChecks': [{'path': '/h'},"
        + " {'protocol': 'COMMAND', 'command': {'value': 'true'}},"
        + " {'protocol': 'TCP', 'port': 22}]}");
    HealthCheckProtocol http = HealthCheckProtocol.HTTP;
    HealthCheck.Command command = new HealthCheck.Command("true");
    assertEquals(new HealthCheck(http, "/h", 0, null, null, 300, 60, 20, 3, false, null),
        app.healthChecks().get(0));
    assertEquals(new HealthCheck(HealthCheckProtocol.COMMAND, null, null, null, command,
        300, 60, 20, 3, null, 15), app.healthChecks().get(1));
    assertEquals(new HealthCheck(HealthCheckProtocol.TCP, null, null, 22, null,
        300, 60, 20, 3, null, null), app.healthChecks().get(2));
  }

  @Test
  void noPortIndexIsInventedForAnAppWithoutPorts() {
    App app = created("{'id': '/a', 'cmd': 'x', 'portDefinitions': [],"
        + " 'healthChecks': [{'protocol': 'HTTP'}]}");
    assertNull(app.healthChecks().get(0).portIndex());
  }

  @Test
  void urisBecomeFetchEntriesThatExtractArchives() {
    App app = created("{'id': '/a', 'cmd': 'x',"
        + " 'uris': ['https://h/app.tar.gz', 'https://h/run.sh']}");
    assertNull(app.uris());
    assertEquals(List.of(new FetchUri("https://h/app.tar.gz", true, false, false, null),
        new FetchUri("https://h/run.sh", false, false, false, null)), app.fetch());
  }

  @Test
  void urisEqualToFetchAreFoldedAway() {
    App app = created("{'id': '/a', 'cmd': 'x', 'uris': ['https://h/x'],"
        + " 'fetch': [{'uri': 'https://h/x'}]}");
    assertNull(app.uris());
    assertEquals(List.of(new FetchUri("https://h/x", true, false, false, null)), app.fetch());
    assertEquals(List.of(), created("{'id': '/a', 'cmd': 'x', 'uris': []}").fetch());
  }

  @Test
  void residentVolumesChangeTheDefaultUpgradeStrategy() {
    App app = created("{'id': '/a', 'cmd': 'x', 'container': {'type': 'MESOS',"
        + " 'volumes': [{'containerPath': 'data', 'persistent': {'size': 10}}]}}");
    assertEquals(new UpgradeStrategy(0.5, 0.0), app.upgradeStrategy());
    assertEquals(VolumeMode.RW, app.container().volumes().get(0).mode());
  }

  @Test
  void fillIsIdempotent() {
    App once = TestJson.created(TestJson.resource("full-app.json"));
    assertEquals(once, AppDefaults.fill(once));
    App minimal = created("{'id': '/a', 'cmd': 'x'}");
    assertEquals(minimal, AppDefaults.fill(minimal));
  }
}
