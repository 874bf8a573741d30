package org.regatta.provisioner.cloud;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * "Bring your own nodes": hosts that already run (a Vagrantfile's VMs, lab machines), listed in
 * a node list YAML. Create leases free hosts to a deployment, destroy releases them: a host is
 * never powered off or changed here. Leases live in a small JSON file, locked while it changes,
 * so that separate orchestrator runs agree on which host is whose. A spec's instance type, when
 * given, pins the node to the host of that id or to a host with that tag.
 */
public final class ByonCloud implements Cloud {

  /** The label that carries the private key file to log in with (the host's, not Regatta's). */
  public static final String LOGIN_KEY = "org.regatta.login-key";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> HOST_KEYS = Set.of("id", "hostname", "ip", "port", "user",
      "username", "private_key", "credential_url", "tags", "labels",
      // jclouds byon keys that say nothing Regatta needs; accepted so that its lists load
      "name", "description", "location_id", "os_arch", "os_family", "os_description",
      "os_version", "os_64bit", "group", "login_port", "sudo_password", "credential");

  /** One host of the node list. */
  record Host(String id, String address, int port, String user, Path privateKey,
      Map<String, String> labels) {}

  /** Which deployment node holds a host. */
  record Lease(String deployment, String node, Map<String, String> labels) {}

  private final CloudConfig config;
  private final Path leasesFile;

  ByonCloud(CloudConfig config) throws CloudException {
    if (config.nodesFile() == null) {
      throw new CloudException("cloud '" + config.name() + "' (byon) in " + config.source()
          + ": key 'nodes_file' is missing (the YAML list of hosts to use).");
    }
    this.config = config;
    this.leasesFile = config.leasesFile() != null ? config.leasesFile()
        : defaultLeasesFile(config.name());
  }

  public static ByonCloud open(CloudConfig config) throws CloudException {
    return new ByonCloud(config);
  }

  static Path defaultLeasesFile(String cloudName) {
    String state = System.getenv("XDG_STATE_HOME");
    Path base = state != null && !state.isBlank() ? Path.of(state)
        : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("regatta").resolve("byon").resolve(cloudName + ".leases.json");
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public CreateResult create(List<NodeSpec> specs) {
    List<CloudNode> created = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    try {
      List<Host> hosts = hosts();
      withLeases(leases -> {
        for (NodeSpec spec : specs) {
          boolean taken = leases.values().stream().anyMatch(l ->
              l.deployment().equals(spec.deploymentId()) && l.node().equals(spec.name()));
          Host free = hosts.stream().filter(h -> !leases.containsKey(h.id()) && fits(h, spec))
              .findFirst().orElse(null);
          if (taken) {
            failed.put(spec.name(), message("cannot create node " + spec.name(),
                "deployment " + spec.deploymentId() + " already holds a host for it"));
          } else if (free == null && spec.instanceType() != null) {
            failed.put(spec.name(), message("cannot create node " + spec.name(),
                "no free host in " + config.nodesFile() + " has the id or tag '"
                    + spec.instanceType() + "'"));
          } else if (free == null) {
            failed.put(spec.name(), message("cannot create node " + spec.name(),
                "no free host left in " + config.nodesFile() + " (" + hosts.size()
                    + " hosts, all leased)"));
          } else {
            Lease lease = new Lease(spec.deploymentId(), spec.name(), Labels.of(spec));
            leases.put(free.id(), lease);
            created.add(toNode(free, lease));
          }
        }
        return true;
      });
    } catch (CloudException e) {
      for (NodeSpec spec : specs) {
        if (!failed.containsKey(spec.name())
            && created.stream().noneMatch(n -> n.name().equals(spec.name()))) {
          failed.put(spec.name(), e.getMessage());
        }
      }
      created.clear();
    }
    return new CreateResult(created, failed);
  }

  @Override
  public List<CloudNode> list(String deploymentId) throws CloudException {
    Map<String, Host> hosts = new LinkedHashMap<>();
    for (Host h : hosts()) {
      hosts.put(h.id(), h);
    }
    List<CloudNode> nodes = new ArrayList<>();
    withLeases(leases -> {
      leases.forEach((id, lease) -> {
        if (lease.deployment().equals(deploymentId) && hosts.containsKey(id)) {
          nodes.add(toNode(hosts.get(id), lease));
        }
      });
      return false;
    });
    return nodes;
  }

  /** Releases the hosts: they stay as they are, free for the next deployment. */
  @Override
  public void destroy(Collection<String> ids) throws CloudException {
    withLeases(leases -> {
      boolean changed = false;
      for (String id : ids) {
        changed |= leases.remove(id) != null;
      }
      return changed;
    });
  }

  @Override
  public void close() {}

  /** An instance type pins a node to the host of that id, or to hosts with that tag. */
  private static boolean fits(Host host, NodeSpec spec) {
    String want = spec.instanceType();
    return want == null || want.equals(host.id())
        || host.labels().containsKey("org.regatta.tag." + want);
  }

  private CloudNode toNode(Host host, Lease lease) {
    Map<String, String> labels = new TreeMap<>(host.labels());
    labels.putAll(lease.labels());
    if (host.privateKey() != null) {
      labels.put(LOGIN_KEY, host.privateKey().toString());
    }
    return new CloudNode(host.id(), lease.node(), lease.deployment(), host.address(), null,
        host.port(), host.user(), CloudNode.State.RUNNING, labels);
  }

  private String message(String what, String cause) {
    return "cloud '" + config.name() + "' (byon): " + what + ": " + cause + ".";
  }

  // --- the node list ----------------------------------------------------------------------------

  List<Host> hosts() throws CloudException {
    Path file = config.nodesFile();
    Map<String, Object> doc;
    try {
      doc = YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new CloudException(message("cannot read the node list",
          Files.exists(file) ? file + " is not valid YAML (" + CloudErrors.oneLine(
              String.valueOf(e.getMessage())) + ")" : file + " does not exist"), e);
    }
    if (doc == null || !(doc.get("nodes") instanceof List<?> list)) {
      throw new CloudException(message("cannot read the node list",
          file + " has no 'nodes:' list"));
    }
    List<Host> hosts = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String where = file + ": nodes[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new CloudException(message("cannot read the node list", where + " is not a mapping"));
      }
      for (Object k : m.keySet()) {
        if (!HOST_KEYS.contains(String.valueOf(k))) {
          throw new CloudException(message("cannot read the node list", where + ": unknown key '" + k
              + "' (known: id, hostname, ip, port, user, private_key, tags, labels)"));
        }
      }
      String id = str(m, "id");
      if (id == null) {
        throw new CloudException(message("cannot read the node list", where + ": key 'id' is missing"));
      }
      if (!ids.add(id)) {
        throw new CloudException(message("cannot read the node list", where + ": id '" + id
            + "' appears twice"));
      }
      String address = str(m, "ip") != null ? str(m, "ip") : str(m, "hostname");
      if (address == null) {
        throw new CloudException(message("cannot read the node list", where
            + ": needs 'ip' or 'hostname'"));
      }
      String port = str(m, "port") != null ? str(m, "port") : str(m, "login_port");
      String user = str(m, "user") != null ? str(m, "user") : str(m, "username");
      hosts.add(new Host(id, address, port == null ? 22 : Integer.parseInt(port),
          user == null ? config.loginUser() : user, keyPath(m, file), labels(m)));
    }
    return hosts;
  }

  private static Path keyPath(Map<?, ?> m, Path file) {
    String key = str(m, "private_key");
    String url = str(m, "credential_url");
    if (key == null && url != null && url.startsWith("file:")) {
      return Path.of(URI.create(url));
    }
    if (key == null) {
      return null;
    }
    if (key.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), key.substring(2));
    }
    Path p = Path.of(key);
    Path dir = file.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
  }

  private static Map<String, String> labels(Map<?, ?> m) {
    Map<String, String> labels = new TreeMap<>();
    if (m.get("labels") instanceof Map<?, ?> l) {
      l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    if (m.get("tags") instanceof List<?> tags) {
      for (Object t : tags) {
        labels.put("org.regatta.tag." + t, "true");
      }
    }
    return labels;
  }

  private static String str(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  // --- the leases -------------------------------------------------------------------------------

  private interface LeaseChange {
    /** Changes the leases in place; returns whether they must be written back. */
    boolean apply(Map<String, Lease> leases) throws CloudException;
  }

  /** File locks guard against other processes; this guards against other threads. */
  private static final Object IN_PROCESS = new Object();

  private void withLeases(LeaseChange change) throws CloudException {
    synchronized (IN_PROCESS) {
      withLeasesLocked(change);
    }
  }

  private void withLeasesLocked(LeaseChange change) throws CloudException {
    try {
      Files.createDirectories(leasesFile.toAbsolutePath().getParent());
      Path lockFile = leasesFile.resolveSibling(leasesFile.getFileName() + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        assert lock.isValid();
        Map<String, Lease> leases = new LinkedHashMap<>();
        try {
          leases.putAll(JSON.readValue(leasesFile.toFile(),
              new TypeReference<Map<String, Lease>>() {}));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
          // no host leased yet
        }
        if (change.apply(leases)) {
          Path tmp = leasesFile.resolveSibling(leasesFile.getFileName() + ".tmp");
          JSON.writeValue(tmp.toFile(), leases);
          Files.move(tmp, leasesFile, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new CloudException(message("cannot use the lease file", leasesFile + ": "
          + CloudErrors.oneLine(String.valueOf(e.getMessage()))), e);
    }
  }
}
