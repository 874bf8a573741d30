package org.regatta.orchestrator.deploy;

import java.time.Duration;
import org.regatta.orchestrator.state.Resource;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshException;

/** Opens a shell on a created node, retrying until it boots or {@code bootTimeout} passes. */
public interface NodeAccess {
  RemoteShell connect(Resource node, Duration bootTimeout) throws SshException;

  /** Forgets what was pinned for a destroyed node: its address may come back on a new one. */
  default void forget(Resource node) {}
}
