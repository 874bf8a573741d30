package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regatta.tosca.Problem;

/** Each broken template gives exactly one clear error that says where and what. */
class BrokenTemplateTest {

  private static final String CLUSTER = Fixture.HEADER + """
      topology_template:
        inputs:
          slave_num:
            type: integer
            default: 2
            constraints:
              - greater_or_equal: 0
        node_templates:
          server:
            type: tosca.nodes.Compute
            capabilities:
              scalable:
                properties:
                  default_instances: { get_input: slave_num }
          app:
            type: tosca.nodes.SoftwareComponent
            requirements:
              - host: server
      """;

  @TempDir
  Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("YAML syntax error", Fixture.HEADER + "topology_template:\n  inputs: [a,\n",
            List.of(), 3, "YAML syntax error"),
        Arguments.of("unknown type", CLUSTER.replace("tosca.nodes.SoftwareComponent",
            "tosca.nodes.SoftwareComponnet"), List.of(), 17,
            "unknown node type 'tosca.nodes.SoftwareComponnet' (did you mean"),
        Arguments.of("missing required input", CLUSTER.replace("      default: 2\n", ""),
            List.of(), 4, "missing required input 'slave_num'"),
        Arguments.of("wrong input type", CLUSTER, List.of("slave_num=abc"), 4,
            "expected an integer, found 'abc'"),
        Arguments.of("constraint violated", CLUSTER, List.of("slave_num=-1"), 4,
            "must be greater than or equal to 0, found -1"),
        Arguments.of("requirement to a missing node", CLUSTER.replace("- host: server",
            "- host: servre"), List.of(), 19,
            "names node 'servre', which is not in node_templates (did you mean 'server'?)"),
        Arguments.of("requirement cycle", CLUSTER
            + "        - dependency: other\n"
            + "    other:\n"
            + "      type: tosca.nodes.SoftwareComponent\n"
            + "      requirements:\n"
            + "        - host: server\n"
            + "        - dependency: app\n", List.of(), 16,
            "requirement cycle: app → other → app"),
        Arguments.of("get_input of an undeclared input", CLUSTER.replace(
            "get_input: slave_num", "get_input: slave_nums"), List.of(), 15,
            "get_input: 'slave_nums' is not a declared input (did you mean 'slave_num'?)"),
        Arguments.of("unresolvable import", Fixture.HEADER
            + "imports:\n  - https://example.org/types.yaml\n", List.of(), 3,
            "cannot resolve import 'https://example.org/types.yaml': no import catalogue entry"),
        Arguments.of("wrong property type", CLUSTER.replace("type: tosca.nodes.SoftwareComponent",
            "type: tosca.nodes.SoftwareComponent\n      properties:\n"
                + "        component_version: [1]"), List.of(), 19, "expected a version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneClearErrorWithPosition(String name, String text, List<String> inputs, int line,
      String message) {
    Path file = Fixture.write(dir, "t.yaml", text);
    LoadResult r = Fixture.load(file, inputs.toArray(String[]::new));
    List<Problem> errors = r.errors();
    assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
    Problem p = errors.get(0);
    assertTrue(p.message().contains(message), () -> "message: " + p);
    assertEquals(line, p.mark().line(), () -> "line of " + p);
    assertTrue(p.mark().file().endsWith("t.yaml") && p.mark().column() > 0, p::toString);
  }

  @org.junit.jupiter.api.Test
  void importCycleIsReportedWithTheFilesInIt() {
    Fixture.write(dir, "a.yaml", Fixture.HEADER + "imports:\n  - b.yaml\n");
    Fixture.write(dir, "b.yaml", Fixture.HEADER + "imports:\n  - a.yaml\n");
    LoadResult r = Fixture.load(dir.resolve("a.yaml"));
    assertEquals(1, r.errors().size(), r.errors()::toString);
    Problem p = r.errors().get(0);
    assertEquals("import cycle: a.yaml → b.yaml → a.yaml", p.message());
    assertEquals(3, p.mark().line());
    assertTrue(p.mark().file().endsWith("b.yaml"));
  }

  @org.junit.jupiter.api.Test
  void allErrorsOfAFileAreReportedAtOnceInOrder() {
    Path file = Fixture.write(dir, "t.yaml", CLUSTER
        .replace("tosca.nodes.SoftwareComponent", "tosca.nodes.Nope")
        .replace("- host: server", "- host: nowhere")
        .replace("scalable:", "scalabel:"));
    LoadResult r = Fixture.load(file);
    assertEquals(2, r.errors().size(), r.errors()::toString);
    assertTrue(r.errors().get(0).mark().line() < r.errors().get(1).mark().line());
    assertFalse(r.ok());
  }
}
