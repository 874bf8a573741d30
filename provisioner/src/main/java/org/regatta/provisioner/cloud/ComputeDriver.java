package org.regatta.provisioner.cloud;

import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jclouds.ContextBuilder;
import org.jclouds.compute.ComputeService;
import org.jclouds.compute.ComputeServiceContext;
import org.jclouds.compute.RunNodesException;
import org.jclouds.compute.domain.ComputeMetadata;
import org.jclouds.compute.domain.Hardware;
import org.jclouds.compute.domain.NodeMetadata;
import org.jclouds.compute.domain.Template;
import org.jclouds.compute.domain.TemplateBuilder;
import org.jclouds.compute.options.TemplateOptions;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.jclouds.azurecompute.arm.compute.options.AzureTemplateOptions;
import org.jclouds.ec2.compute.options.EC2TemplateOptions;
import org.jclouds.googlecomputeengine.compute.options.GoogleComputeEngineTemplateOptions;
import org.jclouds.openstack.nova.v2_0.compute.options.NovaTemplateOptions;

/**
 * Real clouds through a jclouds {@code ComputeService}: a NodeSpec becomes a Template (sizes to
 * minCores/minRam, or an instance type to a hardware id; an image id; the region), the labels
 * become user metadata (tags on EC2 and Azure, metadata on Nova and GCE), and the public key is
 * authorized without SSH (see {@link #authorize}). Nothing here runs a script, and no jclouds
 * SSH module is installed, so jclouds could not open SSH even by mistake.
 */
final class ComputeDriver implements NodeDriver {

  /** The user GCE's guest agent creates for the key when clouds.yaml names no login_user. */
  static final String DEFAULT_GCE_USER = "regatta";

  private final CloudConfig config;
  private final ComputeServiceContext context;
  private final ComputeService compute;

  ComputeDriver(CloudConfig config) {
    this.config = config;
    ContextBuilder builder = ContextBuilder.newBuilder(config.provider().jcloudsId());
    if (config.endpoint() != null) {
      builder.endpoint(config.endpoint());
    }
    Properties overrides = new Properties();
    overrides.putAll(config.properties());
    overrides.remove(JcloudsCloud.PARALLELISM);
    context = builder.credentials(config.identity(), config.credential())
        .overrides(overrides)
        .modules(ImmutableSet.of(new SLF4JLoggingModule()))
        .buildView(ComputeServiceContext.class);
    compute = context.getComputeService();
  }

  @Override
  public CloudNode create(NodeSpec spec) throws Exception {
    Template template = template(spec);
    try {
      Set<? extends NodeMetadata> nodes =
          compute.createNodesInGroup(Labels.group(spec.deploymentId()), 1, template);
      return toNode(nodes.iterator().next());
    } catch (RunNodesException e) {
      if (!e.getSuccessfulNodes().isEmpty()) {
        return toNode(e.getSuccessfulNodes().iterator().next());
      }
      if (!e.getNodeErrors().isEmpty()) {
        Map.Entry<? extends NodeMetadata, ? extends Throwable> bad =
            e.getNodeErrors().entrySet().iterator().next();
        throw new HalfCreated(toNode(bad.getKey()), bad.getValue());
      }
      if (!e.getExecutionErrors().isEmpty()) {
        Throwable cause = e.getExecutionErrors().values().iterator().next();
        throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
      }
      throw e;
    }
  }

  /** The template for a spec; package-visible so that tests can check the mapping. */
  Template template(NodeSpec spec) throws CloudException {
    String image = spec.image() != null ? spec.image() : config.image();
    TemplateBuilder tb = compute.templateBuilder();
    if (config.region() != null) {
      tb.locationId(config.region());
    }
    if (image != null) {
      tb.imageId(image);
    }
    if (spec.instanceType() != null) {
      tb.hardwareId(hardwareId(spec.instanceType()));
    } else {
      if (spec.cpus() > 0) {
        tb.minCores(spec.cpus());
      }
      if (spec.memoryMb() > 0) {
        tb.minRam((int) Math.min(Integer.MAX_VALUE, spec.memoryMb()));
      }
    }
    tb.options(options(spec));
    try {
      return tb.build();
    } catch (NoSuchElementException e) {
      String m = String.valueOf(e.getMessage());
      if (image != null && m.contains("image")) {
        throw new CloudException("unknown image '" + image + "'", e);
      }
      if (m.contains("location")) {
        throw new CloudException("unknown region '" + config.region() + "'", e);
      }
      if (m.contains("hardware")) {
        throw new CloudException("no instance type has " + spec.cpus() + " cpus and "
            + spec.memoryMb() + " MB", e);
      }
      throw e;
    }
  }

  private TemplateOptions options(NodeSpec spec) {
    TemplateOptions options = compute.templateOptions();
    Map<String, String> metadata = new LinkedHashMap<>();
    Labels.of(spec).forEach((k, v) -> metadata.put(encodeKey(k), v));
    if (spec.publicKey() != null) {
      authorize(options, spec.publicKey().trim(), metadata);
    }
    options.userMetadata(metadata)
        .nodeNames(List.of(Labels.machineName(spec.deploymentId(), spec.name())))
        .blockOnComplete(false)
        .inboundPorts(22);
    if (config.loginUser() != null) {
      options.overrideLoginUser(config.loginUser());
    }
    if (config.network() != null) {
      options.networks(config.network());
    }
    return options;
  }

  /**
   * Authorizes the deployment's key without jclouds opening SSH. jclouds' own authorizePublicKey
   * takes RSA keys only (and on Nova it would SSH in), so: cloud-init user data on Nova and EC2,
   * the {@code ssh-keys} metadata item on GCE, custom data on Azure unless the key is RSA.
   */
  private void authorize(TemplateOptions options, String key, Map<String, String> metadata) {
    String cloudInit = cloudInit(key);
    if (options instanceof NovaTemplateOptions nova) {
      nova.userData(cloudInit.getBytes(StandardCharsets.UTF_8));
    } else if (options instanceof EC2TemplateOptions ec2) {
      ec2.noKeyPair().userData(cloudInit.getBytes(StandardCharsets.UTF_8));
    } else if (options instanceof GoogleComputeEngineTemplateOptions gce) {
      gce.autoCreateKeyPair(false);
      String user = config.loginUser() != null ? config.loginUser() : DEFAULT_GCE_USER;
      gce.overrideLoginUser(user);
      metadata.put("ssh-keys", user + ":" + key);
    } else if (options instanceof AzureTemplateOptions azure && !key.startsWith("ssh-rsa ")) {
      azure.customData(Base64.getEncoder().encodeToString(
          cloudInit.getBytes(StandardCharsets.UTF_8)));
    } else {
      options.authorizePublicKey(key);
    }
  }

  static String cloudInit(String publicKey) {
    return "#cloud-config\nssh_authorized_keys:\n  - " + publicKey.trim() + "\n";
  }

  /** An instance type by id, by name, or by the last part of its id ("m1.small", "n1-standard-1"). */
  private String hardwareId(String type) throws CloudException {
    Set<? extends Hardware> profiles = compute.listHardwareProfiles();
    for (Hardware h : profiles) {
      if (type.equals(h.getId()) || type.equals(h.getName()) || h.getId().endsWith("/" + type)) {
        return h.getId();
      }
    }
    String known = profiles.stream().map(h -> h.getName() != null ? h.getName() : h.getId())
        .sorted().limit(20).collect(Collectors.joining(", "));
    throw new CloudException("unknown instance type '" + type + "' (known: " + known + ")");
  }

  @Override
  public List<CloudNode> list(String deploymentId) {
    List<CloudNode> nodes = new ArrayList<>();
    for (ComputeMetadata m : compute.listNodesDetailsMatching(
        n -> n != null && deploymentId.equals(decode(n.getUserMetadata()).get(Labels.DEPLOYMENT)))) {
      if (m instanceof NodeMetadata node && node.getStatus() != NodeMetadata.Status.TERMINATED) {
        nodes.add(toNode(node));
      }
    }
    return nodes;
  }

  @Override
  public void destroy(String id) {
    compute.destroyNode(id);
  }

  @Override
  public void close() {
    context.close();
  }

  private CloudNode toNode(NodeMetadata node) {
    Map<String, String> labels = decode(node.getUserMetadata());
    String user = config.loginUser();
    if (user == null && node.getCredentials() != null) {
      user = node.getCredentials().getUser();
    }
    return new CloudNode(node.getId(), labels.getOrDefault(Labels.NODE, node.getName()),
        labels.get(Labels.DEPLOYMENT), first(node.getPrivateAddresses()),
        first(node.getPublicAddresses()), node.getLoginPort() > 0 ? node.getLoginPort() : 22,
        user, state(node.getStatus()), labels);
  }

  private static String first(Set<String> addresses) {
    return addresses == null || addresses.isEmpty() ? null : addresses.iterator().next();
  }

  private static CloudNode.State state(NodeMetadata.Status status) {
    if (status == null) {
      return CloudNode.State.UNKNOWN;
    }
    return switch (status) {
      case PENDING -> CloudNode.State.PENDING;
      case RUNNING -> CloudNode.State.RUNNING;
      case SUSPENDED -> CloudNode.State.STOPPED;
      case TERMINATED -> CloudNode.State.TERMINATED;
      case ERROR -> CloudNode.State.ERROR;
      default -> CloudNode.State.UNKNOWN;
    };
  }

  /** GCE metadata keys allow only [a-zA-Z0-9_-]: there the dots of our keys become '_'. */
  private String encodeKey(String key) {
    return config.provider() == Provider.GOOGLE_COMPUTE_ENGINE ? key.replace('.', '_') : key;
  }

  private Map<String, String> decode(Map<String, String> metadata) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (metadata == null) {
      return labels;
    }
    metadata.forEach((k, v) -> labels.put(
        config.provider() == Provider.GOOGLE_COMPUTE_ENGINE && k.startsWith("org_regatta_")
            ? k.replace('_', '.') : k, v));
    return labels;
  }
}
