package org.regatta.provisioner.cloud;

import java.nio.file.Path;

/**
 * Where the deployment engine gets a {@link Cloud}: the built-in local cloud, a named entry of
 * the user's clouds file, or a {@link CloudConfig} built in code.
 */
public final class Clouds {

  private Clouds() {}

  /** Node containers on this machine's Docker engine (the default when no cloud is named). */
  public static Cloud local() throws CloudException {
    return open(CloudConfig.local());
  }

  public static Cloud open(CloudConfig config) throws CloudException {
    return config.provider() == Provider.BYON ? ByonCloud.open(config) : JcloudsCloud.open(config);
  }

  /**
   * The cloud named {@code name} in the default clouds file (the file's default when null);
   * {@code local} works without a file.
   */
  public static Cloud open(String name) throws CloudException {
    CloudConfigs configs = CloudConfigs.loadDefault();
    return open(name == null ? configs.defaultCloud() : configs.get(name));
  }

  /** The cloud named {@code name} (the file's default when null) in a clouds file the user gave. */
  public static Cloud open(Path cloudsFile, String name) throws CloudException {
    CloudConfigs configs = CloudConfigs.load(cloudsFile);
    return open(name == null ? configs.defaultCloud() : configs.get(name));
  }
}
