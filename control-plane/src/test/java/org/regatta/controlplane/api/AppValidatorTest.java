package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule: a body (put in stored form as POST /v2/apps does), the path, Marathon's message.
 * Bodies are written with ' for " to keep them short.
 */
class AppValidatorTest {

  private static final String DOCKER =
      "'container': {'type': 'DOCKER', 'docker': {'image': 'nginx'";
  private static final String BRIDGE = DOCKER + ", 'network': 'BRIDGE', 'portMappings': ";

  static String json(String body) {
    return "{" + body.replace('\'', '"') + "}";
  }

  static Arguments c(String body, String path, String message) {
    return Arguments.of(json(body), path, message);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        c("'cmd': 'x'", "/id", PathIds.EMPTY_ERROR),
        c("'id': '/', 'cmd': 'x'", "/id", PathIds.EMPTY_ERROR),
        c("'id': 'Web', 'cmd': 'x'", "/id", PathIds.SEGMENT_ERROR),
        c("'id': 'a_b', 'cmd': 'x'", "/id", PathIds.SEGMENT_ERROR),
        c("'id': '-a', 'cmd': 'x'", "/id", PathIds.SEGMENT_ERROR),
        c("'id': 'a/restart', 'cmd': 'x'", "/id", PathIds.RESERVED_ERROR),
        c("'id': 'a'", "/", AppValidator.CMD_ARGS_CONTAINER),
        c("'id': 'a', 'cmd': 'x', 'args': ['y']", "/", AppValidator.CMD_ARGS_CONTAINER),
        c("'id': 'a', 'cmd': ''", "/cmd", "must not be an empty string"),
        c("'id': 'a', 'cmd': 'x', 'instances': -3", "/instances", "got -3, expected 0 or more"),
        c("'id': 'a', 'cmd': 'x', 'cpus': -3", "/cpus", "got -3.0, expected 0.0 or more"),
        c("'id': 'a', 'cmd': 'x', 'mem': -3.0", "/mem", "got -3.0, expected 0.0 or more"),
        c("'id': 'a', 'cmd': 'x', 'disk': -0.5", "/disk", "got -0.5, expected 0.0 or more"),
        c("'id': 'a', 'cmd': 'x', 'gpus': -1", "/gpus", "got -1, expected 0 or more"),
        c("'id': 'a', 'cmd': 'x', 'backoffSeconds': -1",
            "/backoffSeconds", "got -1, expected 0 or more"),
        c("'id': 'a', 'cmd': 'x', 'backoffFactor': 0.5",
            "/backoffFactor", "got 0.5, expected 1.0 or more"),
        c("'id': 'a', 'cmd': 'x', 'maxLaunchDelaySeconds': -1",
            "/maxLaunchDelaySeconds", "got -1, expected 0 or more"),
        c("'id': 'a', 'cmd': 'x', 'upgradeStrategy': {'minimumHealthCapacity': 1.2}",
            "/upgradeStrategy/minimumHealthCapacity", "got 1.2, expected between 0.0 and 1.0"),
        c("'id': 'a', 'cmd': 'x', 'upgradeStrategy': {'maximumOverCapacity': -1.2}",
            "/upgradeStrategy/maximumOverCapacity", "got -1.2, expected between 0.0 and 1.0"),
        c("'id': 'a', 'cmd': 'x', 'executor': '/test/'",
            "/executor", "must fully match regular expression '^(//cmd)|(/?[^/]+(/[^/]+)*)|$'"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'SPREAD']]",
            "/constraints(0)", AppValidator.OPERATORS),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['', 'UNIQUE']]",
            "/constraints(0)", "Missing field and operator"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'UNIQUE', 'x']]",
            "/constraints(0)", "Value specified but not used"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['rack', 'CLUSTER']]",
            "/constraints(0)", "Missing value"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['ok', 'UNIQUE'], ['rack', 'GROUP_BY', 'x']]",
            "/constraints(1)", "Value was specified but is not a number"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'MAX_PER']]",
            "/constraints(0)", "Value was not specified or is not a number"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'LIKE']]",
            "/constraints(0)", "A regular expression value must be provided"),
        c("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'UNLIKE', '(']]",
            "/constraints(0)", "'(' is not a valid regular expression"),
        c("'id': 'a', 'cmd': 'x', 'healthChecks': [{'protocol': 'HTTP', 'portIndex': 1}]",
            "/healthChecks(0)", AppValidator.PORT_INDEX),
        c("'id': 'a', 'cmd': 'x', 'portDefinitions': [], 'healthChecks': [{'protocol': 'TCP'}]",
            "/healthChecks(0)", AppValidator.PORT_INDEX),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 80}]}},"
            + " 'healthChecks': [{'protocol': 'MESOS_HTTP', 'portIndex': 1}]",
            "/healthChecks(0)", AppValidator.PORT_INDEX),
        c("'id': 'a', 'cmd': 'x', 'healthChecks': [{'protocol': 'COMMAND'}]",
            "/healthChecks(0)/command", "not defined"),
        c("'id': 'a', 'cmd': 'x', 'healthChecks': [{'intervalSeconds': -1}]",
            "/healthChecks(0)/intervalSeconds", "got -1, expected 0 or more"),
        c("'id': 'a', 'cmd': 'x', 'healthChecks': [{'protocol': 'MESOS_TCP'},"
            + " {'protocol': 'MESOS_HTTP'}]",
            "/", "AppDefinition can contain at most one Mesos health check"),
        c("'id': 'a', 'container': {'type': 'DOCKER'}", "/container/docker", "not defined"),
        c("'id': 'a', 'cmd': 'x', 'container': {'type': 'DOCKER', 'docker': {'image': ''}}",
            "/container/docker/image", "must not be empty"),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 80, 'name': 'http'},"
            + " {'containerPort': 81, 'name': 'http'}]}}",
            "/container/docker/portMappings", "Port names must be unique."),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 70000}]}}",
            "/container/docker/portMappings(0)/containerPort",
            "got 70000, expected between 0 and 65535"),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 80, 'protocol': 'sctp'}]}}",
            "/container/docker/portMappings(0)/protocol", "is not one of (tcp,udp,udp,tcp)"),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 80, 'name': 'Http'}]}}",
            "/container/docker/portMappings(0)/name",
            "must fully match regular expression '^[a-z][a-z0-9-]*$'"),
        c("'id': 'a', " + DOCKER + ", 'network': 'HOST', 'portMappings': [{'containerPort': 80}]}}",
            "/container/docker/portMappings", "portMappings are not allowed with host-networking"),
        c("'id': 'a', 'container': {'type': 'MESOS',"
            + " 'docker': {'image': 'x', 'network': 'BRIDGE'}}",
            "/container/docker/network", "must be empty"),
        c("'id': 'a', 'gpus': 1, " + DOCKER + "}}",
            "/", "GPU resources only work with the Mesos containerizer"),
        c("'id': 'a', " + BRIDGE + "[{'containerPort': 80}]}}, 'portDefinitions': [{'port': 0}]",
            "/portDefinitions", "portDefinitions are only allowed with host-networking"),
        c("'id': 'a', 'cmd': 'x', 'portDefinitions': [{'port': 0, 'name': 'http'},"
            + " {'port': 0, 'name': 'http'}]",
            "/portDefinitions", "Port names must be unique."),
        c("'id': 'a', 'cmd': 'x', 'portDefinitions': [{'port': 10001}, {'port': 10001}]",
            "/portDefinitions", "Ports must be unique."),
        c("'id': 'a', 'cmd': 'x', 'portDefinitions': [{'port': 0, 'protocol': 'icmp'}]",
            "/portDefinitions(0)/protocol", "is not one of (tcp,udp,udp,tcp)"),
        c("'id': 'a', 'cmd': 'x', 'container': {'type': 'MESOS',"
            + " 'volumes': [{'containerPath': '', 'hostPath': '/h'}]}",
            "/container/volumes(0)/containerPath", "must not be empty"),
        c("'id': 'a', 'cmd': 'x', 'container': {'type': 'MESOS',"
            + " 'volumes': [{'containerPath': 'd', 'persistent': {'size': 0}}]}",
            "/container/volumes(0)/persistent/size", "got 0, expected more than 0"),
        c("'id': 'a', 'cmd': 'x', 'container': {'type': 'MESOS',"
            + " 'volumes': [{'containerPath': '/d', 'external': {'provider': 'dvdi'}}]}",
            "/container/volumes(0)/external/name", "not defined"),
        c("'id': 'a', 'cmd': 'x', 'fetch': [{'uri': 'https://ok'}, {'uri': 'd://\\nnot a uri'}]",
            "/fetch(1)/uri", "URI has invalid syntax."),
        c("'id': 'a', 'cmd': 'x', 'uris': ['https://a'], 'fetch': [{'uri': 'https://b'}]",
            "/uris", "may not be set in conjunction with fetch"),
        c("'id': 'a', 'cmd': 'x', 'dependencies': ['Bad_Dep']",
            "/dependencies(0)", PathIds.SEGMENT_ERROR),
        c("'id': 'a', 'cmd': 'x', 'instances': 2,"
            + " 'labels': {'MARATHON_SINGLE_INSTANCE_APP': 'true'}",
            "/", "Single instance app may only have one instance"),
        c("'id': 'a', 'cmd': 'x', 'acceptedResourceRoles': []",
            "/acceptedResourceRoles", "must not be empty"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("violations")
  void reportsTheViolationAtItsPath(String body, String path, String message) {
    ValidationResult r = AppValidator.validate(TestJson.created(body));
    assertEquals(422, r.httpStatus());
    assertEquals(ValidationResult.OBJECT_NOT_VALID, r.message());
    assertTrue(r.errorsAt(path).contains(message),
        () -> "wanted " + path + ": " + message + "\ngot " + MarathonJson.write(r));
  }

  static Stream<String> validBodies() {
    return Stream.of(
        json("'id': 'a', 'cmd': 'x'"),
        json("'id': 'a', 'args': ['x']"),
        json("'id': 'a', " + DOCKER + "}}"),
        json("'id': 'a', " + DOCKER + "}}, 'args': ['--port', '80']"),
        json("'id': 'a', 'cmd': 'x', 'constraints': [['hostname', 'UNIQUE', ''],"
            + " ['r', 'GROUP_BY'], ['r', 'GROUP_BY', '3'], ['h', 'MAX_PER', '2'],"
            + " ['h', 'LIKE', 'a.*']]"),
        json("'id': 'a', 'cmd': 'x', 'healthChecks': [{'protocol': 'HTTP', 'path': '/h'},"
            + " {'protocol': 'COMMAND', 'command': {'value': 'true'}},"
            + " {'protocol': 'TCP', 'port': 22}]"),
        json("'id': 'a', 'cmd': 'x', 'portDefinitions': [{'port': 0}, {'port': 0}],"
            + " 'healthChecks': [{'portIndex': 1}]"),
        json("'id': 'a', 'gpus': 1, 'cmd': 'x',"
            + " 'container': {'type': 'MESOS', 'docker': {'image': 'cuda'}}"));
  }

  @ParameterizedTest
  @MethodSource("validBodies")
  void acceptsValidApps(String body) {
    ValidationResult r = AppValidator.validate(TestJson.created(body));
    assertTrue(r.isValid(), () -> MarathonJson.write(r));
  }

  @Test
  void reportsEveryViolationAtOnce() {
    ValidationResult r = AppValidator.validate(TestJson.created(
        json("'id': 'Bad', 'cpus': -1, 'mem': -1, 'instances': -1")));
    assertEquals(List.of("/id", "/", "/instances", "/cpus", "/mem"),
        r.details().stream().map(ValidationResult.Detail::path).toList());
  }
}
