package org.regatta.orchestrator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every state store must do; extended once per backend. */
abstract class DeploymentStoreContract {

  abstract DeploymentStore store() throws StoreException;

  static Deployment deployment(String id, String name) {
    Instant t = Instant.ofEpochMilli(1_000);
    return new Deployment(id, name, "/t/mesos_cluster.yaml", "tosca: x\n",
        Map.of("slave_num", "2", "marathon_password", "s3cret"), Map.of(),
        DeploymentStatus.CREATE_IN_PROGRESS, null, "local", t, t);
  }

  @Test
  void deploymentsRoundTripAndMoveOnlyAsTheLifecycleAllows() throws StoreException {
    DeploymentStore s = store();
    String id = UUID.randomUUID().toString();
    s.create(deployment(id, "c-" + id));
    Deployment d = s.get(id).orElseThrow();
    assertEquals("s3cret", d.inputs().get("marathon_password"));
    assertEquals(DeploymentStatus.CREATE_IN_PROGRESS, d.status());
    assertEquals(Transition.ILLEGAL, s.setStatus(id, DeploymentStatus.UPDATE_COMPLETE, "x"));
    assertEquals(Transition.SUCCESS, s.setStatus(id, DeploymentStatus.CREATE_FAILED, "boom"));
    assertEquals(Transition.NOOP, s.setStatus(id, DeploymentStatus.CREATE_FAILED, "boom"));
    assertEquals("boom", s.get(id).orElseThrow().statusReason());
    assertEquals(Transition.ILLEGAL, s.setStatus("nope", DeploymentStatus.CREATE_FAILED, ""));
    s.setOutputs(id, Map.of("vip", "172.28.55.10"));
    assertEquals("172.28.55.10", s.get(id).orElseThrow().outputs().get("vip"));
    assertEquals(id, s.find("c-" + id).orElseThrow().id());
    assertTrue(s.list().stream().anyMatch(x -> x.id().equals(id)));
  }

  @Test
  void resourcesAreRecordedReplacedAndRemoved() throws StoreException {
    DeploymentStore s = store();
    String id = UUID.randomUUID().toString();
    s.create(deployment(id, "r"));
    Instant t = Instant.ofEpochMilli(2_000);
    Resource r = new Resource(id, "vm-0", "vm", 0, null, NodeState.INITIAL, null, null, null, t);
    s.putResource(r);
    s.putResource(new Resource(id, "vm-1", "vm", 1, null, NodeState.INITIAL, null, null, null,
        t));
    s.putResource(r.withCloud("c1", "172.28.55.130", null, t).with(NodeState.CREATED,
        "created", t));
    List<Resource> all = s.resources(id);
    assertEquals(2, all.size());
    assertEquals("c1", all.get(0).cloudId());
    assertEquals(NodeState.CREATED, all.get(0).state());
    s.removeResource(id, "vm-1");
    assertEquals(List.of("vm-0"), s.resources(id).stream().map(Resource::name).toList());
  }
}
