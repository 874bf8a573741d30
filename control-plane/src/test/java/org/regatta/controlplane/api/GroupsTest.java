package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regatta.controlplane.api.TestJson.q;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Group bodies flattened to apps with absolute ids, validated, in start order. */
class GroupsTest {

  static Groups.FlatGroup flatten(String json, String base) {
    return Groups.flatten(MarathonJson.readGroup(json).orElseThrow(), base);
  }

  @Test
  void nestedGroupsBecomeAbsoluteIds() {
    Groups.FlatGroup flat = flatten(TestJson.resource("nested-group.json"), "/");
    assertTrue(flat.errors().isValid(), () -> MarathonJson.write(flat.errors()));
    assertEquals("/shop", flat.id());
    assertEquals(List.of(
        "/shop/frontend", "/shop/backend/api", "/shop/backend/worker", "/shop/db/postgres"),
        flat.apps().stream().map(App::id).toList());
    assertEquals(List.of("/shop", "/shop/backend", "/shop/db"),
        flat.groups().stream().map(Groups.GroupNode::id).toList());
    assertEquals(List.of("/infra"), flat.groups().get(0).dependencies());
    assertEquals(List.of("/shop/backend/api"), flat.apps().get(0).dependencies());
    assertEquals(List.of("/shop/db/postgres"), flat.apps().get(1).dependencies());
    assertEquals(2, flat.apps().get(2).instances());
    assertEquals(128.0, flat.apps().get(3).mem(), "apps are in stored form");
  }

  @Test
  void dependenciesComeFirstInStartOrder() {
    Groups.FlatGroup flat = flatten(TestJson.resource("nested-group.json"), "/");
    List<String> order = flat.startOrder();
    assertEquals(4, order.size());
    assertTrue(order.indexOf("/shop/db/postgres") < order.indexOf("/shop/backend/api"));
    assertTrue(order.indexOf("/shop/backend/api") < order.indexOf("/shop/frontend"));
  }

  @Test
  void aGroupDependencyOrdersEveryAppUnderIt() {
    Groups.FlatGroup flat = flatten(q("{'id': '/p', 'groups': ["
        + "{'id': 'web', 'dependencies': ['../db'],"
        + " 'apps': [{'id': 'a', 'cmd': 'x'}, {'id': 'b', 'cmd': 'x'}]},"
        + "{'id': 'db', 'apps': [{'id': 'pg', 'cmd': 'x'}]}]}"), "/");
    assertTrue(flat.errors().isValid(), () -> MarathonJson.write(flat.errors()));
    assertEquals(List.of("/p/db/pg", "/p/web/a", "/p/web/b"), flat.startOrder());
  }

  @Test
  void cyclesAreRefused() {
    Groups.FlatGroup flat = flatten(q("{'id': '/p', 'apps': ["
        + "{'id': 'a', 'cmd': 'x', 'dependencies': ['b']},"
        + "{'id': 'b', 'cmd': 'x', 'dependencies': ['a']}]}"), "/");
    assertEquals(List.of(Groups.CYCLE), flat.errors().errorsAt("/"));
    assertEquals(List.of(), flat.startOrder());
  }

  @Test
  void relativeBodiesGoUnderTheUrlsGroup() {
    Groups.FlatGroup flat = flatten(q("{'apps': [{'id': 'a', 'cmd': 'x'}]}"), "/team");
    assertEquals("/team", flat.id());
    assertEquals("/team/a", flat.apps().get(0).id());
  }

  @Test
  void appsOutsideTheirGroupAreRefused() {
    Groups.FlatGroup flat = flatten(q("{'id': '/g', 'apps': ["
        + "{'id': '/elsewhere/a', 'cmd': 'x'}, {'id': 'sub/b', 'cmd': 'x'}]}"), "/");
    List<String> notChild = List.of(String.format(Groups.NOT_CHILD, "/g"));
    assertEquals(notChild, flat.errors().errorsAt("/apps(0)/id"));
    assertEquals(notChild, flat.errors().errorsAt("/apps(1)/id"));
  }

  @Test
  void appErrorsPointIntoTheBody() {
    Groups.FlatGroup flat = flatten(q("{'id': '/g', 'groups': [{'id': 's', 'apps': ["
        + "{'id': 'ok', 'cmd': 'x'}, {'id': 'bad', 'cmd': 'x', 'cpus': -1}]}]}"), "/");
    assertEquals(List.of("got -1.0, expected 0.0 or more"),
        flat.errors().errorsAt("/groups(0)/apps(1)/cpus"));
  }

  @Test
  void duplicateIdsAndAppGroupClashesAreRefused() {
    Groups.FlatGroup flat = flatten(q("{'id': '/g', 'apps': [{'id': 'a', 'cmd': 'x'},"
        + " {'id': '/g/a', 'cmd': 'y'}, {'id': 's', 'cmd': 'x'}],"
        + " 'groups': [{'id': 's'}, {'cmd': 'no id'}]}"), "/");
    assertEquals(List.of("Identifier /g/a is used by more than one app"),
        flat.errors().errorsAt("/apps(1)/id"));
    assertEquals(List.of(Groups.SAME_ID), flat.errors().errorsAt("/apps(2)/id"));
    assertEquals(List.of(PathIds.EMPTY_ERROR), flat.errors().errorsAt("/groups(1)/id"));
  }

  @Test
  void versionAndScaleByComeAlone() {
    Groups.FlatGroup flat = flatten(q("{'id': '/g', 'scaleBy': 2, 'apps': []}"), "/");
    assertEquals(List.of(Groups.ALONE), flat.errors().errorsAt("/scaleBy"));
    assertTrue(flatten(q("{'id': '/g', 'scaleBy': 2}"), "/").errors().isValid());
    assertTrue(flatten(q("{'version': '2024-01-01T00:00:00.000Z'}"), "/g").errors().isValid());
  }

  @Test
  void theGoldenIndigoGroupFlattens() {
    if (TestJson.corpus() == null) {
      System.err.println("SKIPPED GroupsTest.theGoldenIndigoGroupFlattens: no INDIGO corpus");
      return;
    }
    String golden = TestJson.corpusFile(MarathonJsonRoundTripTest.GOLDEN);
    Groups.FlatGroup flat = flatten(golden, "/deployment-1");
    assertTrue(flat.errors().isValid(), () -> MarathonJson.write(flat.errors()));
    assertEquals(List.of("/deployment-1/marathon"), flat.startOrder());
  }
}
