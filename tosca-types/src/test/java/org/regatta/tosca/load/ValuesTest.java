package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regatta.tosca.model.Value;

/** Typed inputs: each value either loads in canonical form or fails with a clear reason. */
class ValuesTest {

  @TempDir
  Path dir;

  private LoadResult input(String definition, String value) {
    String text = Fixture.HEADER + "topology_template:\n  inputs:\n    x: " + definition + "\n";
    return Fixture.load(Fixture.write(dir, "t.yaml", text), "x=" + value);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "{ type: version }|18.10|18.10",
      "{ type: version }|1.2.3.beta-4|1.2.3.beta-4",
      "{ type: float }|2.50|2.50",
      "{ type: integer }|+042|42",
      "{ type: boolean }|yes|true",
      "{ type: boolean }|off|false",
      "{ type: scalar-unit.size }|2 GB|2 GB",
      "{ type: scalar-unit.size, constraints: [ { greater_or_equal: 1 GiB } ] }|1100 MB|1100 MB",
      "{ type: scalar-unit.time }|30 s|30 s",
      "{ type: scalar-unit.frequency }|2.4 GHz|2.4 GHz",
      "{ type: timestamp }|2026-11-23T10:00:00Z|2026-11-23T10:00:00Z",
      "{ type: string, constraints: [ { pattern: '[a-z]+' } ] }|abc|abc",
      "{ type: string, constraints: [ { valid_values: [a, b] } ] }|b|b",
      "{ type: integer, constraints: [ { in_range: [1, 3] } ] }|3|3",
      "{ type: string, constraints: [ { min_length: 2 }, { max_length: 3 } ] }|abc|abc",
      "{ type: list, entry_schema: { type: integer } }|[1, 2]|[1, 2]",
      "{ type: map, entry_schema: integer }|{a: 1}|{a: 1}",
      "{ type: range }|[1, UNBOUNDED]|[1, UNBOUNDED]",
      "{ type: tosca.datatypes.network.PortDef }|8080|8080",
      "{ type: tosca.datatypes.network.PortSpec }|{source: 80}|{source: 80, protocol: tcp}"})
  void accepted(String definition, String value, String canonical) {
    LoadResult r = input(definition, value);
    assertTrue(r.ok(), r.errors()::toString);
    assertEquals(canonical, Value.display(r.inputs().get("x")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "{ type: integer }|abc|expected an integer, found 'abc'",
      "{ type: integer }|1.5|expected an integer, found '1.5'",
      "{ type: float }|fast|expected a number",
      "{ type: boolean }|maybe|expected true or false",
      "{ type: version }|v1|expected a version",
      "{ type: scalar-unit.size }|2|expected a scalar-unit.size such as '2 GB'",
      "{ type: scalar-unit.size }|2 GHz|expected a scalar-unit.size",
      "{ type: scalar-unit.size, constraints: [ { greater_or_equal: 1 GiB } ] }|1000 MB|must be"
          + " greater than or equal to 1 GiB, found 1000 MB",
      "{ type: string, constraints: [ { pattern: '[a-z]+' } ] }|ab1|must match the pattern",
      "{ type: string, constraints: [ { valid_values: [a, b] } ] }|c|must be one of [a, b]",
      "{ type: integer, constraints: [ { in_range: [1, 3] } ] }|4|must be between 1 and 3",
      "{ type: string, constraints: [ { length: 2 } ] }|abc|length must be equal to 2",
      "{ type: list, entry_schema: { type: integer } }|[1, x]|expected an integer, found 'x'",
      "{ type: range }|[5, 1]|expected a range",
      "{ type: tosca.datatypes.network.PortDef }|70000|must be between 1 and 65535",
      "{ type: tosca.datatypes.network.PortSpec }|{source: 80, nope: 1}|has no property 'nope'",
      "{ type: tosca.datatypes.network.PortSpec }|{source_range: [0, 70000]}|must be between 1"
          + " and 65535",
      "{ type: nonsense }|1|unknown data type 'nonsense'"})
  void rejected(String definition, String value, String message) {
    LoadResult r = input(definition, value);
    assertEquals(1, r.errors().size(), r.errors()::toString);
    assertTrue(r.errors().get(0).message().contains(message), r.errors()::toString);
    assertEquals(4, r.errors().get(0).mark().line());
  }
}
