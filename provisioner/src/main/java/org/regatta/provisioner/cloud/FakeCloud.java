package org.regatta.provisioner.cloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An in-memory {@link Cloud} for unit tests of the deployment engine. It can be told to fail
 * the create of a given node, every list or destroy, or to "crash" (throw {@link Crash}) after
 * N machines were created, leaving those machines behind as a real crash would. Every call is
 * recorded. Node addresses are loopback addresses (127.0.55.N), so nothing leaves the machine.
 */
public final class FakeCloud implements Cloud {

  /** One recorded call: {@code op} is create, list or destroy; {@code args} what it was given. */
  public record Call(String op, List<String> args) {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Thrown by create when the fake was told to crash: the caller "dies" mid-create. */
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }

  private final String name;
  private final Map<String, CloudNode> nodes = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, String> failCreate = new HashMap<>();
  private final Set<String> destroyed = new HashSet<>();
  private String failList;
  private String failDestroy;
  private int crashAfter = -1;
  private int createdCount;
  private int nextId = 1;
  private IntFunction<String> addresses = n -> "127.0.55." + (n % 250 + 1);
  private int sshPort = 22;
  private boolean closed;

  public FakeCloud() {
    this("fake");
  }

  public FakeCloud(String name) {
    this.name = name;
  }

  // --- what the test tells the fake -------------------------------------------------------------

  /** Every create of a node with this name fails with this cause. */
  public synchronized FakeCloud failCreateOf(String nodeName, String cause) {
    failCreate.put(nodeName, cause);
    return this;
  }

  /** list throws a CloudException with this cause (null: list works again). */
  public synchronized FakeCloud failList(String cause) {
    failList = cause;
    return this;
  }

  /** destroy throws a CloudException with this cause, destroying nothing (null: works again). */
  public synchronized FakeCloud failDestroy(String cause) {
    failDestroy = cause;
    return this;
  }

  /** After {@code n} more machines were created, create throws {@link Crash} (-1: never). */
  public synchronized FakeCloud crashAfterCreates(int n) {
    crashAfter = n < 0 ? -1 : createdCount + n;
    return this;
  }

  /** The private address of the n-th machine (1-based); loopback addresses by default. */
  public synchronized FakeCloud addresses(IntFunction<String> addressOfNth) {
    addresses = addressOfNth;
    return this;
  }

  public synchronized FakeCloud sshPort(int port) {
    sshPort = port;
    return this;
  }

  /** A machine changes state behind Regatta's back (stopped by someone, lost by the cloud). */
  public synchronized void setState(String id, CloudNode.State state) {
    CloudNode n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no machine " + id);
    }
    nodes.put(id, new CloudNode(n.id(), n.name(), n.deploymentId(), n.privateAddress(),
        n.publicAddress(), n.sshPort(), n.loginUser(), state, n.labels()));
  }

  /** A machine disappears behind Regatta's back (deleted in the cloud's console). */
  public synchronized void vanish(String id) {
    nodes.remove(id);
  }

  // --- what the test reads ----------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String op) {
    return calls.stream().filter(c -> c.op().equals(op)).toList();
  }

  /** Every machine that exists now, all deployments. */
  public synchronized List<CloudNode> all() {
    return List.copyOf(nodes.values());
  }

  /** Ids that destroy removed. */
  public synchronized Set<String> destroyed() {
    return Set.copyOf(destroyed);
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  // --- the port ---------------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized CreateResult create(List<NodeSpec> specs) {
    calls.add(new Call("create", specs.stream().map(NodeSpec::name).toList()));
    List<CloudNode> created = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (NodeSpec spec : specs) {
      if (crashAfter >= 0 && createdCount >= crashAfter) {
        crashAfter = -1;
        throw new Crash("fake cloud '" + name + "' crashed after " + createdCount
            + " creates, before node " + spec.name());
      }
      String cause = failCreate.get(spec.name());
      if (cause != null) {
        failed.put(spec.name(), "cloud '" + name + "' (fake): cannot create node " + spec.name()
            + ": " + cause + ".");
        continue;
      }
      boolean duplicate = nodes.values().stream().anyMatch(n ->
          n.deploymentId().equals(spec.deploymentId()) && n.name().equals(spec.name()));
      if (duplicate) {
        failed.put(spec.name(), "cloud '" + name + "' (fake): cannot create node " + spec.name()
            + ": a machine with this name already exists in deployment " + spec.deploymentId()
            + ".");
        continue;
      }
      int n = nextId++;
      String id = "fake-" + n;
      CloudNode node = new CloudNode(id, spec.name(), spec.deploymentId(), addresses.apply(n),
          null, sshPort, "root", CloudNode.State.RUNNING, Labels.of(spec));
      nodes.put(id, node);
      created.add(node);
      createdCount++;
    }
    return new CreateResult(created, failed);
  }

  @Override
  public synchronized List<CloudNode> list(String deploymentId) throws CloudException {
    calls.add(new Call("list", List.of(deploymentId)));
    if (failList != null) {
      throw new CloudException("cloud '" + name + "' (fake): cannot list deployment "
          + deploymentId + ": " + failList + ".");
    }
    return nodes.values().stream().filter(n -> deploymentId.equals(n.deploymentId())).toList();
  }

  @Override
  public synchronized void destroy(Collection<String> ids) throws CloudException {
    calls.add(new Call("destroy", List.copyOf(ids)));
    if (failDestroy != null) {
      throw new CloudException("cloud '" + name + "' (fake): cannot destroy "
          + String.join(", ", ids) + ": " + failDestroy + ".");
    }
    for (String id : ids) {
      if (nodes.remove(id) != null) {
        destroyed.add(id);
      }
    }
  }

  @Override
  public synchronized void close() {
    calls.add(new Call("close", List.of()));
    closed = true;
  }
}
