package org.regatta.provisioner.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

/**
 * {@link KnownHosts} seen through JSch's repository interface, for one connection attempt: it pins
 * at first contact inside {@link #check}, and keeps the last verdict so that a rejection can be
 * reported with both fingerprints.
 */
final class PinnedHostKeys implements HostKeyRepository {

  private final KnownHosts hosts;
  private volatile KnownHosts.Check last;

  PinnedHostKeys(KnownHosts hosts) {
    this.hosts = hosts;
  }

  KnownHosts.Check last() {
    return last;
  }

  @Override
  public int check(String hostId, byte[] key) {
    KnownHosts.Check verdict = hosts.checkUnchecked(hostId, key);
    last = verdict;
    return verdict.outcome() == KnownHosts.Outcome.CHANGED ? CHANGED : OK;
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // pinning happens in check(): nothing else may add keys
  }

  @Override
  public void remove(String host, String type) {}

  @Override
  public void remove(String host, String type, byte[] key) {}

  @Override
  public String getKnownHostsRepositoryID() {
    return hosts.file().toString();
  }

  @Override
  public HostKey[] getHostKey() {
    return new HostKey[0];
  }

  /** The pinned key, so that JSch negotiates the same key type as at first contact. */
  @Override
  public HostKey[] getHostKey(String hostId, String type) {
    if (hostId == null) {
      return new HostKey[0];
    }
    return hosts.key(hostId)
        .filter(blob -> type == null || type.equals(KnownHosts.keyType(blob)))
        .map(blob -> {
          try {
            return new HostKey[] {new HostKey(hostId, blob)};
          } catch (JSchException e) {
            return new HostKey[0]; // a key type JSch cannot parse: let check() decide
          }
        })
        .orElse(new HostKey[0]);
  }
}
