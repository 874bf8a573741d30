package org.regatta.provisioner.ssh;

import java.util.Objects;

/** Where to log in: {@code user@host:port}. */
public record SshTarget(String user, String host, int port) {

  public SshTarget {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    if (user.isBlank() || host.isBlank()) {
      throw new IllegalArgumentException("SSH target needs a user and a host, got " + user + "@"
          + host);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SSH port out of range: " + port);
    }
  }

  public static SshTarget of(String user, String host) {
    return new SshTarget(user, host, 22);
  }

  @Override
  public String toString() {
    return user + "@" + host + ":" + port;
  }
}
