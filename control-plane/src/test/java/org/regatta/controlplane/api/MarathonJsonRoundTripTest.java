package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parse → serialise gives back the same JSON tree, for the INDIGO orchestrator's golden Marathon
 * group, for every app of CLUES's real {@code /v2/apps?embed=apps.tasks} response, and for our own
 * fixture that uses every modelled field. Documented differences: JSON nulls are left out, numbers
 * compare by value, and the deprecated {@code ports} comes back as {@code portDefinitions}.
 */
class MarathonJsonRoundTripTest {

  static final String GOLDEN = "orchestrator-golden/marathon_app.json";
  static final String CLUES = "clues-fixtures/marathon-jobs.json";

  static void assumeCorpus() {
    if (TestJson.corpus() == null) {
      System.err.println("SKIPPED MarathonJsonRoundTripTest corpus cases: ../shared/corpus/indigo"
          + " is absent (set -Dregatta.shared to the shared folder)");
    }
    Assumptions.assumeTrue(TestJson.corpus() != null, "../shared/corpus/indigo is absent");
  }

  @Test
  void indigoGoldenGroupRoundTrips() {
    assumeCorpus();
    String json = TestJson.corpusFile(GOLDEN);
    Parsed<Group> parsed = MarathonJson.readGroup(json);
    assertTrue(parsed.isValid(), () -> MarathonJson.write(parsed.errors()));
    assertEquals(List.of(), parsed.ignoredFields());
    TestJson.assertSameTree(TestJson.tree(json), MarathonJson.toTree(parsed.value()));

    App app = parsed.value().apps().get(0);
    assertEquals("marathon", app.id());
    assertEquals(DockerNetwork.BRIDGE, app.container().docker().network());
    Volume external = app.container().volumes().get(0);
    assertEquals("rexray", external.external().options().get("dvdi/driver"));
    assertEquals("\nbackend {backend}\n  balance {balance}\n  mode http\n  http-request add-header "
        + "X-Forwarded-Proto https\n", app.labels().get("HAPROXY_0_BACKEND_HEAD"));
  }

  @Test
  void indigoGoldenAppIsValidOnceCreated() {
    assumeCorpus();
    Group group = MarathonJson.readGroup(TestJson.corpusFile(GOLDEN)).orElseThrow();
    Groups.FlatGroup flat = Groups.flatten(group, "/");
    assertTrue(flat.errors().isValid(), () -> MarathonJson.write(flat.errors()));
    App app = flat.apps().get(0);
    assertEquals("/marathon", app.id());
    // an external volume pins tasks: Marathon's resident upgrade strategy
    assertEquals(AppDefaults.RESIDENT_UPGRADE_STRATEGY, app.upgradeStrategy());
    assertEquals(List.of(new PortMapping(8080, 0, 0, "tcp", null, java.util.Map.of())),
        app.container().docker().portMappings());
    assertEquals(List.of(), app.portDefinitions());
  }

  static Stream<Integer> cluesApps() {
    if (TestJson.corpus() == null) {
      return Stream.of(-1);
    }
    int n = TestJson.tree(TestJson.corpusFile(CLUES)).get("apps").size();
    return IntStream.range(0, n).boxed();
  }

  @ParameterizedTest(name = "CLUES app {0}")
  @MethodSource("cluesApps")
  void cluesAppRoundTrips(int index) {
    assumeCorpus();
    JsonNode input = TestJson.tree(TestJson.corpusFile(CLUES)).get("apps").get(index);
    Parsed<App> parsed = MarathonJson.readApp(input.toString());
    assertTrue(parsed.isValid(), () -> MarathonJson.write(parsed.errors()));
    assertEquals(List.of(), parsed.ignoredFields(), "every field of this app is modelled");

    ObjectNode expected = (ObjectNode) TestJson.withoutNulls(input);
    JsonNode ports = expected.remove("ports");
    if (ports != null && !expected.has("portDefinitions")) {
      ArrayNode defs = expected.putArray("portDefinitions");
      ports.forEach(p -> defs.addObject().set("port", p));
    }
    TestJson.assertSameTree(expected, MarathonJson.toTree(parsed.value()));
  }

  @Test
  void cluesResponseReadsAsAnAppListWithTasks() {
    assumeCorpus();
    AppList list = MarathonJson.readAppList(TestJson.corpusFile(CLUES)).orElseThrow();
    App babbo = list.apps().get(0);
    assertEquals("/babbo", babbo.id());
    assertEquals(List.of(PortDefinition.of(10000)), babbo.portDefinitions());
    assertEquals(1, babbo.tasksRunning());
    Task task = babbo.tasks().get(0);
    assertEquals("vnode1", task.host());
    assertEquals(List.of(31901), task.ports());
    assertEquals("f62af091-22d9-45ac-b19f-1d5fd808b9a1-S0", task.slaveId());
    assertEquals(3600, babbo.maxLaunchDelaySeconds());
  }

  @Test
  void everyModelledFieldRoundTrips() {
    String json = TestJson.resource("full-app.json");
    Parsed<App> parsed = MarathonJson.readApp(json);
    assertTrue(parsed.isValid(), () -> MarathonJson.write(parsed.errors()));
    assertEquals(List.of(), parsed.ignoredFields());
    TestJson.assertSameTree(TestJson.tree(json), MarathonJson.toTree(parsed.value()));
    // and the object itself survives a second trip
    assertEquals(parsed.value(), MarathonJson.readApp(MarathonJson.write(parsed.value())).value());
  }

  @Test
  void storedFormIsAFixedPoint() {
    App stored = TestJson.created(TestJson.resource("full-app.json"));
    ValidationResult errors = AppValidator.validate(stored);
    assertTrue(errors.isValid(), () -> MarathonJson.write(errors));
    App reread = MarathonJson.readApp(MarathonJson.write(stored)).value();
    assertEquals(stored, reread);
    assertEquals(stored, AppDefaults.fill(reread));
  }
}
