package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake passes the contract, and fails exactly where it is told to. */
class FakeCloudTest extends CloudContractTest {

  private final FakeCloud fake = new FakeCloud();

  @Override
  protected Cloud cloud() {
    return fake;
  }

  @Override
  protected NodeSpec failingSpec(String deploymentId, String name) {
    fake.failCreateOf(name, "quota exceeded (injected)");
    return spec(deploymentId, name);
  }

  @Test
  void crashAfterNCreatesLeavesTheFirstNMachinesBehind() throws CloudException {
    String d = newDeployment();
    fake.crashAfterCreates(2);

    FakeCloud.Crash crash = assertThrows(FakeCloud.Crash.class, () -> fake.create(
        List.of(spec(d, "n0"), spec(d, "n1"), spec(d, "n2"), spec(d, "n3"))));

    assertTrue(crash.getMessage().contains("n2"), crash.getMessage());
    assertEquals(java.util.Set.of("n0", "n1"), names(fake.list(d)));
    assertTrue(fake.create(List.of(spec(d, "n2"))).allCreated(), "the crash happens once");
  }

  @Test
  void listAndDestroyFailWhenToldAndWorkAgainAfterwards() throws CloudException {
    String d = newDeployment();
    String id = fake.create(List.of(spec(d, "x"))).created().get(0).id();

    fake.failList("engine not reachable");
    CloudException listFailed = assertThrows(CloudException.class, () -> fake.list(d));
    assertTrue(listFailed.getMessage().contains("engine not reachable"));
    fake.failList(null);

    fake.failDestroy("authentication failed");
    assertThrows(CloudException.class, () -> fake.destroy(List.of(id)));
    assertEquals(1, fake.list(d).size(), "a failed destroy destroys nothing");
    fake.failDestroy(null);
    fake.destroy(List.of(id));
    assertEquals(java.util.Set.of(id), fake.destroyed());
  }

  @Test
  void recordsEveryCallInOrder() throws CloudException {
    String d = newDeployment();
    fake.create(List.of(spec(d, "a"), spec(d, "b")));
    fake.list(d);
    fake.destroy(List.of("nope"));

    assertEquals(List.of(new FakeCloud.Call("create", List.of("a", "b")),
        new FakeCloud.Call("list", List.of(d)), new FakeCloud.Call("destroy", List.of("nope"))),
        fake.calls());
  }

  @Test
  void aSecondNodeOfTheSameNameInADeploymentFails() {
    String d = newDeployment();
    fake.create(List.of(spec(d, "same")));
    CreateResult again = fake.create(List.of(spec(d, "same")));
    assertEquals(List.of("same"), List.copyOf(again.failed().keySet()));
  }

  @Test
  void nodesLoseStateOrVanishBehindRegattasBack() throws CloudException {
    String d = newDeployment();
    List<CloudNode> nodes = fake.create(List.of(spec(d, "a"), spec(d, "b"))).created();
    fake.setState(nodes.get(0).id(), CloudNode.State.STOPPED);
    fake.vanish(nodes.get(1).id());

    List<CloudNode> listed = fake.list(d);
    assertEquals(1, listed.size());
    assertEquals(CloudNode.State.STOPPED, listed.get(0).state());
    assertTrue(listed.get(0).privateAddress().startsWith("127."), "loopback addresses only");
  }
}
