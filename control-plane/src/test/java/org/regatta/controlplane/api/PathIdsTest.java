package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {

  @ParameterizedTest(name = "{0} under {1} = {2}")
  @CsvSource({
      "web/api, /, /web/api",
      "/web/api, /other, /web/api",
      "api, /shop/backend, /shop/backend/api",
      "../db, /shop/backend, /shop/db",
      "./api/, /shop, /shop/api",
      "../../../x, /a, /x",
      "/, /a, /",
      "a//b, /, /a/b"})
  void canonical(String id, String base, String expected) {
    assertEquals(expected, PathIds.canonical(id, base));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a", "/a/b-c", "/a.b/c", "/0/1", "/prod/web.v2/api-1"})
  void validIds(String id) {
    assertEquals(List.of(), PathIds.problems(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/A", "/a_b", "/-a", "/a-", "/a b", "/a/b#"})
  void invalidSegments(String id) {
    assertEquals(List.of(PathIds.SEGMENT_ERROR), PathIds.problems(id));
  }

  @Test
  void reservedLastSegmentAndEmpty() {
    assertEquals(List.of(PathIds.RESERVED_ERROR), PathIds.problems("/a/tasks"));
    assertEquals(List.of(), PathIds.problems("/tasks/a"));
    assertEquals(List.of(PathIds.EMPTY_ERROR), PathIds.problems("/"));
  }

  @Test
  void parentsAndAncestry() {
    assertEquals("/a", PathIds.parent("/a/b"));
    assertEquals("/", PathIds.parent("/a"));
    assertTrue(PathIds.isUnder("/a/b/c", "/a"));
    assertTrue(PathIds.isUnder("/a", "/"));
    assertFalse(PathIds.isUnder("/ab", "/a"));
    assertFalse(PathIds.isUnder("/a", "/a"));
  }

  @Test
  void theMessageIsMarathons() {
    assertEquals("must fully match regular expression "
        + "'^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*"
        + "([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'",
        PathIds.SEGMENT_ERROR);
  }
}
