package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooKeeperJarsTest {

  /** What {@code dependency:copy-dependencies} leaves for zookeeper 3.9.3 + the provided two. */
  static final List<String> MAVEN_COPY = List.of("audience-annotations-0.12.0.jar",
      "commons-io-2.17.0.jar", "logback-classic-1.2.13.jar", "logback-core-1.2.13.jar",
      "metrics-core-4.1.12.1.jar", "netty-buffer-4.1.113.Final.jar",
      "netty-codec-4.1.113.Final.jar", "netty-common-4.1.113.Final.jar",
      "netty-handler-4.1.113.Final.jar", "netty-resolver-4.1.113.Final.jar",
      "netty-tcnative-boringssl-static-2.0.66.Final-linux-x86_64.jar",
      "netty-tcnative-classes-2.0.66.Final.jar", "netty-transport-4.1.113.Final.jar",
      "netty-transport-classes-epoll-4.1.113.Final.jar",
      "netty-transport-native-epoll-4.1.113.Final-linux-x86_64.jar",
      "netty-transport-native-unix-common-4.1.113.Final.jar", "slf4j-api-1.7.30.jar",
      "snappy-java-1.1.10.5.jar", "zookeeper-3.9.3.jar", "zookeeper-jute-3.9.3.jar");

  @TempDir
  Path dir;

  private void touch(List<String> names) throws IOException {
    for (String n : names) {
      Files.createFile(dir.resolve(n));
    }
  }

  @Test
  void picksTheRuntimeJarsAndLeavesTheRest() throws Exception {
    touch(MAVEN_COPY);
    touch(List.of("README.txt", "jline-2.14.6.jar"));

    List<String> picked = ZooKeeperRole.requiredJars(dir).stream()
        .map(p -> p.getFileName().toString()).sorted().toList();

    assertEquals(MAVEN_COPY.stream().filter(n -> !n.startsWith("netty-tcnative")).toList(),
        picked);
  }

  @Test
  void namesTheMissingJars() throws Exception {
    touch(MAVEN_COPY.stream().filter(n -> !n.startsWith("metrics-core")
        && !n.startsWith("snappy-java")).toList());

    RoleException e = assertThrows(RoleException.class, () -> ZooKeeperRole.requiredJars(dir));
    assertEquals("role zookeeper: " + dir + " lacks the jars of metrics-core, snappy-java"
        + " (ZooKeeper's runtime class path; metrics-core and snappy-java are 'provided' in its"
        + " POM and must be added)", e.getMessage());
  }

  @Test
  void refusesTwoVersionsOfOneJar() throws Exception {
    touch(MAVEN_COPY);
    touch(List.of("zookeeper-3.9.2.jar"));

    RoleException e = assertThrows(RoleException.class, () -> ZooKeeperRole.requiredJars(dir));
    assertEquals("role zookeeper: " + dir + " holds more than one zookeeper jar:"
        + " zookeeper-3.9.2.jar, zookeeper-3.9.3.jar; keep one", e.getMessage());
  }
}
