package org.regatta.provisioner.roles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ZooKeeper ensemble member on each master: {@code myid} is the node's position in
 * {@link RoleVars#MASTERS} (1-based), {@code server.N} lines list all masters, and the server runs
 * as {@code java -cp 'lib/*' QuorumPeerMain zoo.cfg} from jars the orchestrator uploads.
 */
public final class ZooKeeperRole implements Role {

  /** Where the jars go on the node. */
  public static final String LIB_DIR = "/opt/regatta/zookeeper/lib";
  public static final int CLIENT_PORT = 2181;

  /**
   * Artifact ids of the jars a quorum peer needs. ZooKeeper's POM marks metrics-core and
   * snappy-java "provided" and logback "optional", but the server fails without the first two and
   * logs nothing without logback.
   */
  public static final List<String> REQUIRED_JARS = List.of("zookeeper", "zookeeper-jute",
      "audience-annotations", "commons-io", "slf4j-api", "logback-classic", "logback-core",
      "netty-common", "netty-buffer", "netty-resolver", "netty-transport", "netty-codec",
      "netty-handler", "netty-transport-native-unix-common", "metrics-core", "snappy-java");

  /** Uploaded when present: Netty's epoll transport (only used with the Netty connection factory). */
  public static final List<String> OPTIONAL_JARS = List.of("netty-transport-classes-epoll",
      "netty-transport-native-epoll");

  @Override
  public String name() {
    return "zookeeper";
  }

  @Override
  public List<String> services() {
    return List.of("zookeeper");
  }

  @Override
  public List<String> files() {
    return List.of("zookeeper/recipe.sh", "zookeeper/zoo.cfg", "zookeeper/myid",
        "zookeeper/logback.xml", "zookeeper/zookeeper.run");
  }

  @Override
  public Map<String, String> bind(Map<String, Object> vars) throws RoleException {
    List<String> masters = RoleVars.addresses(name(), vars, RoleVars.MASTERS);
    String self = RoleVars.address(name(), vars, RoleVars.PRIVATE_ADDRESS);
    int myid = masters.indexOf(self) + 1;
    if (myid == 0) {
      throw new RoleException("role zookeeper runs on masters only, but " + RoleVars.PRIVATE_ADDRESS
          + " " + self + " is not in " + RoleVars.MASTERS + " " + masters);
    }
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < masters.size(); i++) {
      servers.append("server.").append(i + 1).append('=').append(masters.get(i))
          .append(":2888:3888");
      if (i < masters.size() - 1) {
        servers.append('\n');
      }
    }
    Map<String, String> b = new LinkedHashMap<>();
    b.put("myid", Integer.toString(myid));
    b.put("ensemble_size", Integer.toString(masters.size()));
    b.put("servers", servers.toString());
    b.put("client_port", Integer.toString(CLIENT_PORT));
    b.put("heap_mb", Integer.toString(
        RoleVars.integer(name(), vars, RoleVars.ZOOKEEPER_HEAP_MB, 128, 32, 65536)));
    b.put("lib_dir", LIB_DIR);
    return b;
  }

  @Override
  public List<ArtifactDir> artifacts(Map<String, Object> vars) throws RoleException {
    return List.of(new ArtifactDir(LIB_DIR,
        requiredJars(RoleVars.path(name(), vars, RoleVars.ZOOKEEPER_LIB)), "zookeeper"));
  }

  /**
   * The jars in {@code dir} that the role uploads: one of each {@link #REQUIRED_JARS} (any
   * version) and whatever {@link #OPTIONAL_JARS} are there; other files are ignored. A missing or
   * doubled jar is an error that lists what to add.
   */
  public static List<Path> requiredJars(Path dir) throws RoleException {
    List<String> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new RoleException("role zookeeper: cannot list the ZooKeeper jar directory " + dir
          + ": " + e.getMessage(), e);
    }
    List<Path> jars = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String artifact : REQUIRED_JARS) {
      List<String> found = versionsOf(artifact, names);
      if (found.isEmpty()) {
        missing.add(artifact);
      } else if (found.size() > 1) {
        throw new RoleException("role zookeeper: " + dir + " holds more than one " + artifact
            + " jar: " + String.join(", ", found) + "; keep one");
      } else {
        jars.add(dir.resolve(found.get(0)));
      }
    }
    if (!missing.isEmpty()) {
      throw new RoleException("role zookeeper: " + dir + " lacks the jar" + (missing.size() > 1
          ? "s of " : " of ") + String.join(", ", missing) + " (ZooKeeper's runtime class path;"
          + " metrics-core and snappy-java are 'provided' in its POM and must be added)");
    }
    for (String artifact : OPTIONAL_JARS) {
      versionsOf(artifact, names).forEach(n -> jars.add(dir.resolve(n)));
    }
    return List.copyOf(jars);
  }

  /** {@code artifact-<version>[-classifier].jar}: a version starts with a digit. */
  private static List<String> versionsOf(String artifact, List<String> names) {
    Pattern p = Pattern.compile(Pattern.quote(artifact) + "-\\d[^/]*\\.jar");
    return names.stream().filter(n -> p.matcher(n).matches()).toList();
  }
}
