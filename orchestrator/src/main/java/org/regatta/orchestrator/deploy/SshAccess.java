package org.regatta.orchestrator.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regatta.orchestrator.state.Resource;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.KnownHosts;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshConnector;
import org.regatta.provisioner.ssh.SshException;
import org.regatta.provisioner.ssh.SshKey;
import org.regatta.provisioner.ssh.SshTarget;

/**
 * SSH to a deployment's nodes with its own key pair. Host keys are pinned per machine (its
 * cloud id), not per address: clouds hand a dead machine's address to new ones.
 */
public final class SshAccess implements NodeAccess {

  private final SshKey key;
  private final Path pins;
  private final String user;
  private final Map<Path, SshConnector> connectors = new ConcurrentHashMap<>();

  public SshAccess(Workspace workspace, String deploymentId, String loginUser)
      throws IOException {
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
    SshConnector connector;
    try {
      Files.createDirectories(pins);
      connector = connectors.computeIfAbsent(file, f -> {
        try {
          return new SshConnector(key, KnownHosts.open(f));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SshException("cannot open the pinned host keys " + file + ": " + e.getMessage());
    }
    return connector.connect(new SshTarget(user, node.privateAddress(), 22), bootTimeout);
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
