package org.regatta.controlplane.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers on this node: {@code GET /_ping} on the socket that
 * {@code DOCKER_HOST} names ({@code unix://} or {@code tcp://}), else {@code /var/run/docker.sock}.
 */
public final class DockerEngine {

  private static final String DEFAULT_SOCKET = "/var/run/docker.sock";

  private final SocketAddress address;

  public DockerEngine(SocketAddress address) {
    this.address = address;
  }

  /** The engine the {@code docker} CLI would use with this environment. */
  public static DockerEngine fromEnvironment(Map<String, String> env) {
    return new DockerEngine(address(env.get("DOCKER_HOST")));
  }

  static SocketAddress address(String dockerHost) {
    if (dockerHost == null || dockerHost.isBlank()) {
      return UnixDomainSocketAddress.of(DEFAULT_SOCKET);
    }
    if (dockerHost.startsWith("unix://")) {
      return UnixDomainSocketAddress.of(Path.of(dockerHost.substring("unix://".length())));
    }
    URI uri = URI.create(dockerHost);
    if ("tcp".equals(uri.getScheme()) && uri.getHost() != null) {
      int port = uri.getPort() < 0 ? 2375 : uri.getPort();
      return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }
    throw new IllegalArgumentException(
        "DOCKER_HOST must be unix://PATH or tcp://HOST:PORT, got " + dockerHost);
  }

  /** True when the engine answers its ping with 200 within two seconds; never throws. */
  public boolean answers() {
    try (SocketChannel channel = open()) {
      // a blocking channel has no read timeout: closing it from elsewhere ends a hung read
      CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> closeQuietly(channel));
      channel.write(ByteBuffer.wrap(
          "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      InputStream in = Channels.newInputStream(channel);
      byte[] head = in.readNBytes(12);
      String status = new String(head, StandardCharsets.US_ASCII);
      return status.startsWith("HTTP/1.") && status.endsWith(" 200");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private SocketChannel open() throws IOException {
    if (address instanceof UnixDomainSocketAddress unix) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(unix);
      return channel;
    }
    InetSocketAddress inet = (InetSocketAddress) address;
    SocketChannel channel = SocketChannel.open();
    try {
      channel.socket().connect(new InetSocketAddress(inet.getHostString(), inet.getPort()), 2_000);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "Docker engine at " + address;
  }
}
