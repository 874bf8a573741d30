package org.regatta.orchestrator.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regatta.orchestrator.state.Resource;
import org.regatta.provisioner.cloud.ByonCloud;
import org.regatta.provisioner.cloud.Cloud;
import org.regatta.provisioner.cloud.CloudException;
import org.regatta.provisioner.cloud.CloudNode;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.KnownHosts;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshConnector;
import org.regatta.provisioner.ssh.SshException;
import org.regatta.provisioner.ssh.SshKey;
import org.regatta.provisioner.ssh.SshTarget;

/**
 * SSH to a deployment's nodes with its own key pair, or, for hosts the user brought (BYON), with
 * the login, port and key their node list gives. Host keys are pinned per machine (its cloud id),
 * not per address: clouds hand a dead machine's address to new ones.
 */
public final class SshAccess implements NodeAccess {

  private final SshKey key;
  private final Path pins;
  private final String user;
  private final Map<Path, SshConnector> connectors = new ConcurrentHashMap<>();
  private final String deploymentId;
  private final Cloud cloud;
  private final Map<String, CloudNode> machines = new ConcurrentHashMap<>();

  public SshAccess(Workspace workspace, String deploymentId, String loginUser)
      throws IOException {
    this(workspace, deploymentId, loginUser, null);
  }

  /** With the cloud, whose nodes may name their own login user, SSH port and key. */
  public SshAccess(Workspace workspace, String deploymentId, String loginUser, Cloud cloud)
      throws IOException {
    this.deploymentId = deploymentId;
    this.cloud = cloud;
    this.key = KeyPairs.loadOrGenerate(workspace.sshDir(deploymentId), "regatta-" + deploymentId);
    this.pins = workspace.sshDir(deploymentId).resolve("known_hosts.d");
    this.user = loginUser == null ? "root" : loginUser;
  }

  private Path pinFile(Resource node) {
    String machine = node.cloudId() != null ? node.cloudId() : node.name();
    return pins.resolve(machine.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  @Override
  public RemoteShell connect(Resource node, Duration bootTimeout) throws SshException {
    if (node.privateAddress() == null) {
      throw new SshException(node.name() + " has no address yet (the cloud reported none)");
    }
    Path file = pinFile(node);
    CloudNode machine = machine(node);
    SshKey login = key;
    String who = user;
    int port = 22;
    if (machine != null) {
      String keyFile = machine.labels().get(ByonCloud.LOGIN_KEY);
      if (keyFile != null) {
        login = new SshKey(Path.of(keyFile), null, null, null);
      }
      who = machine.loginUser() != null ? machine.loginUser() : user;
      port = machine.sshPort() > 0 ? machine.sshPort() : 22;
    }
    SshKey identity = login;
    SshConnector connector;
    try {
      Files.createDirectories(pins);
      connector = connectors.computeIfAbsent(file, f -> {
        try {
          return new SshConnector(identity, KnownHosts.open(f));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SshException("cannot open the pinned host keys " + file + ": " + e.getMessage());
    }
    return connector.connect(new SshTarget(who, node.privateAddress(), port), bootTimeout);
  }

  /** The cloud's view of the node (login details), or null without a cloud or on failure. */
  private CloudNode machine(Resource node) {
    if (cloud == null || node.cloudId() == null) {
      return null;
    }
    CloudNode m = machines.get(node.cloudId());
    if (m == null) {
      try {
        cloud.list(deploymentId).forEach(n -> machines.put(n.id(), n));
      } catch (CloudException e) {
        return null; // the deployment key and the default user are tried instead
      }
      m = machines.get(node.cloudId());
    }
    return m;
  }

  @Override
  public void forget(Resource node) {
    Path file = pinFile(node);
    connectors.remove(file);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale pin only matters if the same machine id comes back, which clouds do not do
    }
  }
}
