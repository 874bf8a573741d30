package org.regatta.provisioner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's clouds: {@code ~/.config/regatta/clouds.yaml} (or {@code $REGATTA_CLOUDS}, or a path
 * given on the command line), one entry per cloud. The built-in {@code local} cloud is there
 * even without a file. Every mistake is reported with the file and the key at fault.
 *
 * <pre>
 * default: local
 * clouds:
 *   local: {provider: local}
 *   aws:
 *     provider: aws-ec2
 *     identity: AKIA…
 *     credential: ${AWS_SECRET_ACCESS_KEY}
 *     region: eu-west-1
 * </pre>
 */
public final class CloudConfigs {

  /** An environment variable naming the clouds file, used when no path is given. */
  public static final String ENV_FILE = "REGATTA_CLOUDS";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final Set<String> COMMON = Set.of("provider", "endpoint", "identity",
      "credential", "credential_file", "region", "image", "login_user", "network", "properties");
  private static final Map<Provider, Set<String>> SPECIFIC = Map.of(
      Provider.LOCAL, Set.of("cap_add", "sysctls"),
      Provider.OPENSTACK_NOVA, Set.of(),
      Provider.AWS_EC2, Set.of(),
      Provider.GOOGLE_COMPUTE_ENGINE, Set.of("project"),
      Provider.AZURECOMPUTE_ARM, Set.of("subscription_id", "tenant_id"),
      Provider.BYON, Set.of("nodes_file", "leases_file"));

  private final Path file;
  private final String defaultName;
  private final Map<String, CloudConfig> clouds;

  private CloudConfigs(Path file, String defaultName, Map<String, CloudConfig> clouds) {
    this.file = file;
    this.defaultName = defaultName;
    this.clouds = clouds;
  }

  /** {@code $REGATTA_CLOUDS}, else {@code $XDG_CONFIG_HOME/regatta/clouds.yaml}, else ~/.config. */
  public static Path defaultFile() {
    String env = System.getenv(ENV_FILE);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("regatta").resolve("clouds.yaml");
  }

  /** The default file if it exists; without one, only the built-in local cloud. */
  public static CloudConfigs loadDefault() throws CloudException {
    Path file = defaultFile();
    if (!Files.exists(file)) {
      return new CloudConfigs(null, "local", Map.of());
    }
    return load(file);
  }

  /** A file the user named: it must exist. */
  public static CloudConfigs load(Path file) throws CloudException {
    return load(file, System::getenv);
  }

  static CloudConfigs load(Path file, Function<String, String> env) throws CloudException {
    if (!Files.isRegularFile(file)) {
      throw new CloudException(file + ": no such clouds file.");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new CloudException(file + ": not valid YAML: "
          + CloudErrors.oneLine(String.valueOf(e.getMessage())) + ".", e);
    }
    return new Parser(file, env).parse(root);
  }

  /** The cloud of this name; {@code local} exists even when the file has no entry for it. */
  public CloudConfig get(String name) throws CloudException {
    CloudConfig c = clouds.get(name);
    if (c != null) {
      return c;
    }
    if (name.equals("local")) {
      return CloudConfig.local();
    }
    throw new CloudException((file == null ? "no clouds file (" + defaultFile() + ")" : file)
        + ": no cloud named '" + name + "' (known: " + String.join(", ", names()) + ").");
  }

  /** The {@code default:} cloud, else {@code local}. */
  public CloudConfig defaultCloud() throws CloudException {
    return get(defaultName);
  }

  public List<String> names() {
    Set<String> names = new TreeSet<>(clouds.keySet());
    names.add("local");
    return List.copyOf(names);
  }

  /** The file these came from; null for the built-in default. */
  public Path file() {
    return file;
  }

  private static final class Parser {
    private final Path file;
    private final Function<String, String> env;

    Parser(Path file, Function<String, String> env) {
      this.file = file;
      this.env = env;
    }

    CloudConfigs parse(JsonNode root) throws CloudException {
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new CloudConfigs(file, "local", Map.of());
      }
      if (!root.isObject()) {
        throw error("", "the file must be a mapping with 'clouds:'");
      }
      for (String key : fieldNames(root)) {
        if (!key.equals("clouds") && !key.equals("default")) {
          throw error(key, "unknown key (known: default, clouds)");
        }
      }
      Map<String, CloudConfig> clouds = new LinkedHashMap<>();
      JsonNode entries = root.path("clouds");
      if (!entries.isMissingNode() && !entries.isObject()) {
        throw error("clouds", "must be a mapping from cloud name to its settings");
      }
      for (String name : fieldNames(entries)) {
        clouds.put(name, cloud(name, entries.get(name)));
      }
      String def = root.hasNonNull("default") ? root.get("default").asText() : "local";
      if (!clouds.containsKey(def) && !def.equals("local")) {
        throw error("default", "names no cloud of this file: '" + def + "' (known: "
            + String.join(", ", new TreeSet<>(clouds.keySet())) + ")");
      }
      return new CloudConfigs(file, def, clouds);
    }

    private CloudConfig cloud(String name, JsonNode node) throws CloudException {
      String at = "clouds." + name;
      if (node == null || !node.isObject()) {
        throw error(at, "must be a mapping with at least 'provider:'");
      }
      String providerId = text(node, at, "provider");
      if (providerId == null) {
        throw error(at + ".provider", "is missing (one of: " + Provider.knownIds() + ")");
      }
      Provider provider = Provider.byId(providerId).orElseThrow(() -> error(at + ".provider",
          "unknown provider '" + providerId + "' (known: " + Provider.knownIds() + ")"));
      Set<String> allowed = new TreeSet<>(COMMON);
      allowed.addAll(SPECIFIC.get(provider));
      for (String key : fieldNames(node)) {
        if (!allowed.contains(key)) {
          throw error(at + "." + key, "unknown key for provider " + provider.id() + " (known: "
              + String.join(", ", allowed) + ")");
        }
      }
      CloudConfig.Builder b = CloudConfig.builder(name, provider).source(file.toString())
          .endpoint(text(node, at, "endpoint")).identity(text(node, at, "identity"))
          .credential(text(node, at, "credential")).region(text(node, at, "region"))
          .image(text(node, at, "image")).loginUser(text(node, at, "login_user"))
          .network(text(node, at, "network"));
      if (node.has("cap_add")) {
        b.capAdd(list(node, at, "cap_add"));
      }
      if (node.has("sysctls")) {
        b.sysctls(map(node, at, "sysctls"));
      }
      if (node.has("properties")) {
        b.properties(map(node, at, "properties"));
      }
      String nodesFile = text(node, at, "nodes_file");
      if (nodesFile != null) {
        b.nodesFile(path(nodesFile));
      }
      String leasesFile = text(node, at, "leases_file");
      if (leasesFile != null) {
        b.leasesFile(path(leasesFile));
      }
      String credentialFile = text(node, at, "credential_file");
      if (credentialFile != null) {
        if (node.has("credential")) {
          throw error(at + ".credential_file", "give either 'credential' or 'credential_file'");
        }
        credentialFromFile(b, node, at, path(credentialFile), provider);
      }
      if (provider == Provider.GOOGLE_COMPUTE_ENGINE && text(node, at, "project") != null) {
        b.property("jclouds.googlecloud.project-name", text(node, at, "project"));
      }
      if (provider == Provider.AZURECOMPUTE_ARM) {
        azure(b, node, at);
      }
      CloudConfig config = b.build();
      check(config, node, at);
      return config;
    }

    /** A key file: a GCE service-account JSON gives identity, credential and project at once. */
    private void credentialFromFile(CloudConfig.Builder b, JsonNode node, String at, Path key,
        Provider provider) throws CloudException {
      String content;
      try {
        content = Files.readString(key, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw error(at + ".credential_file", "cannot read " + key + " ("
            + e.getClass().getSimpleName() + ")");
      }
      if (provider == Provider.GOOGLE_COMPUTE_ENGINE && content.trim().startsWith("{")) {
        try {
          JsonNode json = JSON.readTree(content);
          b.credential(json.path("private_key").asText(null));
          if (!node.has("identity")) {
            b.identity(json.path("client_email").asText(null));
          }
          if (!node.has("project") && json.hasNonNull("project_id")) {
            b.property("jclouds.googlecloud.project-name", json.get("project_id").asText());
          }
          return;
        } catch (IOException e) {
          throw error(at + ".credential_file", key + " is not a service-account JSON key");
        }
      }
      b.credential(content.trim());
    }

    private void azure(CloudConfig.Builder b, JsonNode node, String at) throws CloudException {
      String subscription = text(node, at, "subscription_id");
      String tenant = text(node, at, "tenant_id");
      if (!node.has("endpoint")) {
        if (subscription == null) {
          throw error(at + ".subscription_id", "is missing (azurecompute-arm needs the "
              + "subscription id, or an endpoint https://management.azure.com/subscriptions/<id>)");
        }
        b.endpoint("https://management.azure.com/subscriptions/" + subscription);
      }
      if (tenant == null) {
        throw error(at + ".tenant_id", "is missing (azurecompute-arm needs the tenant id of "
            + "the service principal)");
      }
      b.property("azurecompute-arm.tenantId", tenant);
    }

    private void check(CloudConfig c, JsonNode node, String at) throws CloudException {
      if (c.provider().needsCredentials()) {
        if (c.identity() == null) {
          throw error(at + ".identity", "is missing (" + c.provider().id() + " needs an "
              + "identity and a credential" + hint(c.provider()) + ")");
        }
        if (c.credential() == null || c.credential().isBlank()) {
          throw error(at + ".credential", "is missing (" + c.provider().id() + " needs an "
              + "identity and a credential" + hint(c.provider()) + ")");
        }
      }
      if (c.provider() == Provider.AWS_EC2 && c.loginUser() == null) {
        throw error(at + ".login_user", "is missing (each AMI has its own: admin on Debian, "
            + "ubuntu on Ubuntu, ec2-user on Amazon Linux)");
      }
      if (c.provider() == Provider.OPENSTACK_NOVA && c.endpoint() == null) {
        throw error(at + ".endpoint", "is missing (the Keystone URL, e.g. "
            + "https://keystone.example.org:5000/v3)");
      }
      if (c.provider() == Provider.BYON && c.nodesFile() == null) {
        throw error(at + ".nodes_file", "is missing (the YAML list of hosts to use)");
      }
      String parallelism = c.properties().get(JcloudsCloud.PARALLELISM);
      if (parallelism != null && !parallelism.matches("[1-9][0-9]*")) {
        throw error(at + ".properties." + JcloudsCloud.PARALLELISM, "must be a positive number");
      }
    }

    private static String hint(Provider p) {
      return switch (p) {
        case AWS_EC2 -> ": the access key id and the secret access key";
        case OPENSTACK_NOVA -> ": tenant:user (or domain:user with Keystone v3) and password";
        case GOOGLE_COMPUTE_ENGINE ->
            ": the service account's e-mail and private key, or credential_file with its JSON key";
        case AZURECOMPUTE_ARM -> ": the service principal's client id and secret";
        default -> "";
      };
    }

    private String text(JsonNode node, String at, String key) throws CloudException {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        throw error(at + "." + key, "must be a single value");
      }
      return expand(v.asText(), at + "." + key);
    }

    private List<String> list(JsonNode node, String at, String key) throws CloudException {
      JsonNode v = node.get(key);
      if (!v.isArray()) {
        throw error(at + "." + key, "must be a list");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode e : v) {
        out.add(expand(e.asText(), at + "." + key));
      }
      return out;
    }

    private Map<String, String> map(JsonNode node, String at, String key) throws CloudException {
      JsonNode v = node.get(key);
      if (!v.isObject()) {
        throw error(at + "." + key, "must be a mapping");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (String k : fieldNames(v)) {
        if (!v.get(k).isValueNode()) {
          throw error(at + "." + key + "." + k, "must be a single value");
        }
        out.put(k, expand(v.get(k).asText(), at + "." + key + "." + k));
      }
      return out;
    }

    /** ${NAME} becomes the environment variable NAME; a missing one is an error. */
    private String expand(String value, String at) throws CloudException {
      Matcher m = VARIABLE.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String v = env.apply(m.group(1));
        if (v == null) {
          throw error(at, "environment variable " + m.group(1) + " is not set");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(v));
      }
      m.appendTail(out);
      return out.toString();
    }

    private Path path(String p) {
      Path path = p.startsWith("~/") ? Path.of(System.getProperty("user.home"), p.substring(2))
          : Path.of(p);
      Path dir = file.toAbsolutePath().getParent();
      return path.isAbsolute() || dir == null ? path : dir.resolve(path).normalize();
    }

    private CloudException error(String key, String problem) {
      return new CloudException(file + ": " + (key.isEmpty() ? "" : key + ": ") + problem + ".");
    }

    private static List<String> fieldNames(JsonNode node) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }
}
