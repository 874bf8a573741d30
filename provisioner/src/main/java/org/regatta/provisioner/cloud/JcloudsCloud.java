package org.regatta.provisioner.cloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Cloud} over jclouds: {@code local} through the jclouds docker api, the others through
 * a jclouds {@code ComputeService}. Nodes are created in parallel, one call per spec, and jclouds
 * never opens SSH (no scripts, no port checks): that is the SSH layer's job.
 */
public final class JcloudsCloud implements Cloud {

  /** How many machines are created or destroyed at once; {@code regatta.parallelism} in config. */
  public static final String PARALLELISM = "regatta.parallelism";

  private final CloudConfig config;
  private final NodeDriver driver;
  private final ExecutorService pool;

  JcloudsCloud(CloudConfig config, NodeDriver driver) {
    this.config = config;
    this.driver = driver;
    int parallelism = Integer.parseInt(config.properties().getOrDefault(PARALLELISM, "8"));
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
      Thread t = new Thread(r, "cloud-" + config.name() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens a jclouds-backed cloud; nothing is contacted until the first call. */
  public static JcloudsCloud open(CloudConfig config) throws CloudException {
    if (config.provider() == Provider.BYON) {
      throw new CloudException("cloud '" + config.name() + "' (byon) is not a jclouds cloud: "
          + "open it with Clouds.open.");
    }
    try {
      NodeDriver driver = switch (config.provider()) {
        case LOCAL -> new DockerDriver(config);
        case OPENSTACK_NOVA, AWS_EC2, GOOGLE_COMPUTE_ENGINE, AZURECOMPUTE_ARM ->
            new ComputeDriver(config);
        case BYON -> throw new IllegalStateException("unreachable");
      };
      return new JcloudsCloud(config, driver);
    } catch (RuntimeException e) {
      throw CloudErrors.exception(config, "connect", e);
    }
  }

  public CloudConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public CreateResult create(List<NodeSpec> specs) {
    Map<String, String> failed = new LinkedHashMap<>();
    Map<String, Future<CloudNode>> running = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (NodeSpec spec : specs) {
      if (!seen.add(spec.deploymentId() + "/" + spec.name())) {
        failed.put(spec.name(), "cloud '" + name() + "': node " + spec.name()
            + " appears twice in one create.");
        continue;
      }
      running.put(spec.name(), pool.submit(() -> driver.create(spec)));
    }
    List<CloudNode> created = new ArrayList<>();
    for (Map.Entry<String, Future<CloudNode>> e : running.entrySet()) {
      try {
        created.add(e.getValue().get());
      } catch (ExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof NodeDriver.HalfCreated half) {
          created.add(half.node());
          cause = half.getCause();
        }
        failed.put(e.getKey(), CloudErrors.forNode(config, e.getKey(), cause));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        failed.put(e.getKey(), "cloud '" + name() + "': node " + e.getKey()
            + ": interrupted while it was being created.");
      }
    }
    return new CreateResult(created, failed);
  }

  @Override
  public List<CloudNode> list(String deploymentId) throws CloudException {
    try {
      return driver.list(deploymentId);
    } catch (Exception e) {
      throw CloudErrors.exception(config, "list deployment " + deploymentId, e);
    }
  }

  @Override
  public void destroy(Collection<String> ids) throws CloudException {
    Map<String, Future<Void>> running = new LinkedHashMap<>();
    for (String id : new LinkedHashSet<>(ids)) {
      running.put(id, pool.submit(() -> {
        driver.destroy(id);
        return null;
      }));
    }
    Map<String, Throwable> errors = new LinkedHashMap<>();
    for (Map.Entry<String, Future<Void>> e : running.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException ex) {
        if (!CloudErrors.isNotFound(ex.getCause())) {
          errors.put(e.getKey(), ex.getCause());
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        errors.put(e.getKey(), ex);
      }
    }
    if (!errors.isEmpty()) {
      Map.Entry<String, Throwable> first = errors.entrySet().iterator().next();
      String what = errors.size() == 1 ? "destroy " + first.getKey()
          : "destroy " + errors.size() + " of " + running.size() + " machines "
              + String.join(", ", errors.keySet()) + " (first error for " + first.getKey() + ")";
      throw CloudErrors.exception(config, what, first.getValue());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    driver.close();
  }
}
