package org.regatta.provisioner.ssh;

import java.util.Map;

/** The local stand-in passes the same contract as the SSH shell. */
class LocalShellTest extends RemoteShellContract {

  @Override
  RemoteShell open() {
    return new LocalShell(Map.of());
  }
}
