package org.regatta.provisioner.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-JVM SSH server on loopback: exec runs {@code /bin/sh -c COMMAND} as a real process, SFTP
 * works on the real file system, and only the keys in one authorized_keys file may log in.
 */
final class TestSshServer implements AutoCloseable {

  private final SshServer server;

  private TestSshServer(SshServer server) {
    this.server = server;
  }

  /** A new random host key (ECDSA P-256, which JSch negotiates without extra providers). */
  static KeyPair newHostKey() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(256);
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts on {@code port} (0: any free port) with the given host key and authorized keys. */
  static TestSshServer start(int port, KeyPair hostKey, Path authorizedKeys) throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(port);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setCommandFactory((channel, command) ->
        new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sshd.start();
    return new TestSshServer(sshd);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
