package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regatta.controlplane.api.TestJson.q;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading bodies as Marathon does: type errors, unknown, deprecated and unsupported fields. */
class MarathonJsonTest {

  static Arguments c(String body, String path, String error) {
    return Arguments.of(q(body), path, error);
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
        c("{'id': 'a', 'cpus': '1'}", "/cpus", "error.expected.jsnumber"),
        c("{'id': 'a', 'instances': true}", "/instances", "error.expected.jsnumber"),
        c("{'id': 'a', 'instances': 1.5}", "/instances", "error.expected.jsnumber"),
        c("{'id': 7}", "/id", "error.expected.jsstring"),
        c("{'id': 'a', 'env': {'A': 1}}", "/env/A", "error.expected.jsstring"),
        c("{'id': 'a', 'args': 'x'}", "/args", "error.expected.jsarray"),
        c("{'id': 'a', 'requirePorts': 'true'}", "/requirePorts", "error.expected.jsboolean"),
        c("{'id': 'a', 'container': []}", "/container", "error.expected.jsobject"),
        c("{'id': 'a', 'container': {'type': 'RKT'}}",
            "/container/type", "RKT is not a valid container type"),
        c("{'id': 'a', 'container': {'docker': {'image': 'x', 'network': 'OVERLAY'}}}",
            "/container/docker/network", "OVERLAY is not a valid network type"),
        c("{'id': 'a', 'healthChecks': [{'protocol': 'GOPHER'}]}",
            "/healthChecks(0)/protocol", "GOPHER is not a valid protocol"),
        c("{'id': 'a', 'container': {'docker': {'image': 'x',"
            + " 'portMappings': [{'containerPort': 80}, {'containerPort': 'http'}]}}}",
            "/container/docker/portMappings(1)/containerPort", "error.expected.jsnumber"),
        c("{'id': 'a', 'constraints': [['hostname']]}",
            "/constraints(0)", "Each constraint must have either 2 or 3 fields"),
        c("{'id': 'a', 'constraints': [['a', 'UNIQUE', 'b', 'c']]}",
            "/constraints(0)", "Each constraint must have either 2 or 3 fields"),
        c("{'id': 'a', 'ports': ['80']}", "/ports(0)", "error.expected.jsnumber"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("typeErrors")
  void wrongTypesAreInvalidJsonAtTheirPath(String json, String path, String error) {
    Parsed<App> parsed = MarathonJson.readApp(json);
    assertFalse(parsed.isValid());
    assertNull(parsed.value());
    assertEquals(422, parsed.errors().httpStatus());
    assertEquals(List.of(error), parsed.errors().errorsAt(path),
        () -> MarathonJson.write(parsed.errors()));
  }

  @Test
  void typeErrorsUsePlayJsonsInvalidJsonMessage() {
    Parsed<App> parsed = MarathonJson.readApp(q("{'id': 'a', 'mem': 'lots'}"));
    assertEquals(q("{'message':'Invalid JSON','details':[{'path':'/mem',"
        + "'errors':['error.expected.jsnumber']}]}"), MarathonJson.write(parsed.errors()));
  }

  @Test
  void malformedBodiesAre400WithTheParsersMessage() {
    Parsed<App> parsed = MarathonJson.readApp("{\"id\": ");
    assertEquals(400, parsed.errors().httpStatus());
    assertEquals(List.of(), parsed.errors().details());
    assertEquals(ValidationResult.INVALID_JSON, parsed.errors().message());
    assertTrue(MarathonJson.toTree(parsed.errors()).get("details").isTextual(),
        "Marathon: details is the parser's message");
    ValidationResult empty = MarathonJson.readApp("").errors();
    assertEquals(400, empty.httpStatus());
    assertEquals(q("{'message':'Please specify data in JSON format',"
        + "'details':'No content to map due to end-of-input'}"), MarathonJson.write(empty));
    assertEquals(400, MarathonJson.readApp("{} {}").errors().httpStatus());
  }

  @Test
  void aBodyThatIsNotAnObjectIsInvalid() {
    Parsed<App> parsed = MarathonJson.readApp("[1, 2]");
    assertEquals(List.of("error.expected.jsobject"), parsed.errors().errorsAt("/"));
  }

  @Test
  void unknownFieldsAreDroppedLikeMarathonAndListed() {
    Parsed<App> parsed = MarathonJson.readApp(q("{'id': 'a', 'cmd': 'x', 'intances': 3,"
        + " 'container': {'docker': {'image': 'x', 'pullPolicy': {'a': [1]}}},"
        + " 'healthChecks': [{'protocol': 'TCP'}, {'protocol': 'TCP', 'lolz': 1}],"
        + " 'killSelection': 'YOUNGEST_FIRST'}"));
    assertTrue(parsed.isValid(), () -> MarathonJson.write(parsed.errors()));
    assertNull(parsed.value().instances());
    assertEquals(List.of(
        "/container/docker/pullPolicy", "/healthChecks(1)/lolz", "/intances", "/killSelection"),
        parsed.ignoredFields());
  }

  @Test
  void deprecatedPortsBecomePortDefinitions() {
    App app = TestJson.app(q("{'id': 'a', 'cmd': 'x', 'ports': [0, 8080]}"));
    assertEquals(List.of(PortDefinition.of(0), PortDefinition.of(8080)), app.portDefinitions());
    assertFalse(MarathonJson.write(app).contains("\"ports\""));
  }

  @Test
  void portsNextToEquivalentPortDefinitionsAreAccepted() {
    App app = TestJson.app(q("{'id': 'a', 'cmd': 'x', 'ports': [10000],"
        + " 'portDefinitions': [{'port': 10000, 'protocol': 'tcp'}]}"));
    assertEquals(List.of(new PortDefinition(10000, "tcp", null, null)), app.portDefinitions());
  }

  @Test
  void portsThatContradictPortDefinitionsAreRefused() {
    Parsed<App> parsed =
        MarathonJson.readApp(q("{'id': 'a', 'ports': [1], 'portDefinitions': [{'port': 2}]}"));
    assertEquals(List.of("cannot specify both ports and port definitions"),
        parsed.errors().errorsAt("/"));
  }

  @Test
  void laterMarathonNetworkingIsRefusedNotDropped() {
    Parsed<App> parsed = MarathonJson.readApp(q("{'id': 'a',"
        + " 'networks': [{'mode': 'container/bridge'}],"
        + " 'container': {'type': 'DOCKER', 'docker': {'image': 'x'},"
        + " 'portMappings': [{'containerPort': 80}]}}"));
    assertEquals(422, parsed.errors().httpStatus());
    assertEquals(ValidationResult.OBJECT_NOT_VALID, parsed.errors().message());
    assertEquals(List.of(MarathonJson.UNSUPPORTED), parsed.errors().errorsAt("/networks"));
    assertEquals(List.of(MarathonJson.UNSUPPORTED),
        parsed.errors().errorsAt("/container/portMappings"));
    // empty ones (what a client that writes every field sends) do no harm
    assertTrue(MarathonJson.readApp(q("{'id': 'a', 'networks': [], 'secrets': {},"
        + " 'ipAddress': null}")).isValid());
  }

  @Test
  void unsupportedFieldsInsideGroupsAreFoundToo() {
    Parsed<Group> parsed = MarathonJson.readGroup(q("{'id': '/g', 'groups': [{'id': 's',"
        + " 'apps': [{'id': 'a', 'residency': {}, 'readinessChecks': [{}]}]}]}"));
    assertEquals(List.of(MarathonJson.UNSUPPORTED),
        parsed.errors().errorsAt("/groups(0)/apps(0)/readinessChecks"));
    assertEquals(List.of(), parsed.errors().errorsAt("/groups(0)/apps(0)/residency"));
  }

  @Test
  void nullMeansAbsent() {
    App app = TestJson.app(q("{'id': 'a', 'cmd': null, 'args': null, 'container': null,"
        + " 'env': null}"));
    assertEquals(App.builder().id("a").build(), app);
    assertEquals("{\"id\":\"a\"}", MarathonJson.write(app));
  }

  @Test
  void nullElementsAreInvalid() {
    Parsed<App> parsed = MarathonJson.readApp(q("{'id': 'a', 'args': ['x', null]}"));
    assertFalse(parsed.isValid());
    assertEquals(List.of("element 1 must not be null"), parsed.errors().errorsAt("/"));
  }

  @Test
  void labelsKeepTheirOrder() {
    App app = TestJson.app(q("{'id': 'a', 'labels': {'z': '1', 'a': '2', 'm': '3'}}"));
    assertEquals(List.of("z", "a", "m"), List.copyOf(app.labels().keySet()));
    assertTrue(MarathonJson.write(app).contains(q("{'z':'1','a':'2','m':'3'}")));
  }

  @Test
  void constraintsAreArrays() {
    App app = TestJson.app(q("{'id': 'a',"
        + " 'constraints': [['hostname', 'UNIQUE'], ['rack', 'CLUSTER', 'r1']]}"));
    assertEquals(List.of(Constraint.of("hostname", Constraint.Operator.UNIQUE),
        Constraint.of("rack", Constraint.Operator.CLUSTER, "r1")), app.constraints());
    assertTrue(MarathonJson.write(app)
        .contains(q("[['hostname','UNIQUE'],['rack','CLUSTER','r1']]")));
  }

  @Test
  void agentIdIsReadAsSlaveIdAndWrittenAsMarathonDoes() {
    AppList list = MarathonJson.readAppList(q("{'apps': [{'id': '/a',"
        + " 'tasks': [{'id': 'a.1', 'agentId': 'S1', 'state': 'TASK_RUNNING'}]}]}")).orElseThrow();
    Task task = list.apps().get(0).tasks().get(0);
    assertEquals("S1", task.slaveId());
    assertEquals(q("{'id':'a.1','state':'TASK_RUNNING','slaveId':'S1'}"), MarathonJson.write(task));
  }

  @Test
  void validationResultsSerialiseAsMarathonsErrorBody() {
    App app = App.builder().id("/a").cmd("x").cpus(-1.0).instances(-2).build();
    ValidationResult r = AppValidator.validate(app);
    assertEquals(q("{'message':'Object is not valid','details':["
        + "{'path':'/instances','errors':['got -2, expected 0 or more']},"
        + "{'path':'/cpus','errors':['got -1.0, expected 0.0 or more']}]}"), MarathonJson.write(r));
  }
}
