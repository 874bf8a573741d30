package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Cloud} must do, run against each backend: the fake, and real Docker nodes
 * through jclouds. A backend supplies the cloud, a way to make one node's create fail, and an id
 * that names no machine.
 */
abstract class CloudContractTest {

  /** A well-formed key; no test logs in with it. */
  static final String PUBLIC_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ3Wb8mFNyGNr2Tk/8y6gRXDMf5ZxOb5bZ9u3D+6YV4y contract";

  private final List<String> deployments = new ArrayList<>();

  protected abstract Cloud cloud();

  /** A spec for {@code name} whose create fails on this backend (the others must not). */
  protected abstract NodeSpec failingSpec(String deploymentId, String name);

  /** An id this backend has never given out. */
  protected String unknownId() {
    return "regatta-no-such-machine-" + UUID.randomUUID();
  }

  protected String newDeployment() {
    String id = "ct-" + UUID.randomUUID().toString().substring(0, 8);
    deployments.add(id);
    return id;
  }

  protected static NodeSpec spec(String deploymentId, String name) {
    return new NodeSpec(deploymentId, name, 1, 256, null, null, PUBLIC_KEY,
        Map.of("org.regatta.test", "contract"));
  }

  /** Whatever a test left behind goes, even when the test failed. */
  @AfterEach
  void destroyWhatWasCreated() throws CloudException {
    for (String d : deployments) {
      List<String> ids = cloud().list(d).stream().map(CloudNode::id).toList();
      if (!ids.isEmpty()) {
        cloud().destroy(ids);
      }
    }
    deployments.clear();
  }

  @Test
  void createsInParallelAndListsEveryNodeWithLabelsAndAddresses() throws CloudException {
    String d = newDeployment();
    List<NodeSpec> specs = List.of(spec(d, "master-0"), spec(d, "agent-0"), spec(d, "agent-1"));

    CreateResult result = cloud().create(specs);

    assertTrue(result.allCreated(), () -> "failed: " + result.failed());
    assertEquals(Set.of("master-0", "agent-0", "agent-1"), names(result.created()));
    List<CloudNode> listed = cloud().list(d);
    assertEquals(names(result.created()), names(listed));
    assertEquals(ids(result.created()), ids(listed));
    for (CloudNode n : listed) {
      assertEquals(d, n.deploymentId());
      assertEquals(d, n.labels().get(Labels.DEPLOYMENT));
      assertEquals(n.name(), n.labels().get(Labels.NODE));
      assertEquals("contract", n.labels().get("org.regatta.test"));
      assertNotNull(n.privateAddress(), () -> n + " has no address");
      assertTrue(n.sshPort() > 0);
      assertNotNull(n.loginUser());
      assertEquals(CloudNode.State.RUNNING, n.state());
    }
    assertEquals(3, listed.stream().map(CloudNode::privateAddress).distinct().count(),
        "every node has its own address");
  }

  @Test
  void partialFailureNamesTheFailedNodeAndKeepsTheOthers() throws CloudException {
    String d = newDeployment();
    List<NodeSpec> specs = List.of(spec(d, "ok-0"), failingSpec(d, "bad-1"), spec(d, "ok-2"));

    CreateResult result = cloud().create(specs);

    assertFalse(result.allCreated());
    assertEquals(Set.of("bad-1"), result.failed().keySet());
    String why = result.failed().get("bad-1");
    assertTrue(why.contains("bad-1") && why.contains(cloud().name()), why);
    assertTrue(names(result.created()).containsAll(Set.of("ok-0", "ok-2")));
    assertTrue(names(cloud().list(d)).containsAll(Set.of("ok-0", "ok-2")));
  }

  @Test
  void destroyRemovesTheNodes() throws CloudException {
    String d = newDeployment();
    CreateResult result = cloud().create(List.of(spec(d, "a"), spec(d, "b")));
    assertTrue(result.allCreated(), () -> "failed: " + result.failed());
    CloudNode a = result.created().stream().filter(n -> n.name().equals("a")).findFirst()
        .orElseThrow();

    cloud().destroy(List.of(a.id()));
    assertEquals(Set.of("b"), names(cloud().list(d)));

    cloud().destroy(ids(cloud().list(d)));
    assertTrue(cloud().list(d).isEmpty());
  }

  @Test
  void destroyOfAnUnknownOrAlreadyDestroyedIdIsFine() throws CloudException {
    String d = newDeployment();
    CreateResult result = cloud().create(List.of(spec(d, "once")));
    assertTrue(result.allCreated(), () -> "failed: " + result.failed());
    String id = result.created().get(0).id();

    cloud().destroy(List.of(id));
    cloud().destroy(List.of(id, unknownId()));
    assertTrue(cloud().list(d).isEmpty());
  }

  @Test
  void listOfAnotherDeploymentIsEmpty() throws CloudException {
    String mine = newDeployment();
    String other = newDeployment();
    assertTrue(cloud().create(List.of(spec(mine, "only"))).allCreated());

    assertTrue(cloud().list(other).isEmpty());
    assertEquals(Set.of("only"), names(cloud().list(mine)));
  }

  static Set<String> names(List<CloudNode> nodes) {
    return nodes.stream().map(CloudNode::name).collect(Collectors.toSet());
  }

  static Set<String> ids(List<CloudNode> nodes) {
    return nodes.stream().map(CloudNode::id).collect(Collectors.toSet());
  }
}
