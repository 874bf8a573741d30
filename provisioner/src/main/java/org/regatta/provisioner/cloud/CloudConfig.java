package org.regatta.provisioner.cloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cloud a user can deploy to: an entry of clouds.yaml, or {@link #local()}. Optional fields
 * are null (or empty) where the provider's default applies. {@code source} names where the entry
 * came from, for messages ("~/.config/regatta/clouds.yaml", "built-in default").
 *
 * @param image default image: a Docker tag or id for {@code local}, the jclouds image id
 *     elsewhere ({@code RegionOne/<uuid>}, {@code us-east-1/ami-…}, a GCE image URL, …)
 * @param network {@code local}: the Docker network nodes join; elsewhere: the network jclouds
 *     attaches nodes to (a Nova network id, a GCE network name, …)
 * @param capAdd {@code local}: Linux capabilities added to node containers
 * @param sysctls {@code local}: sysctls set in node containers
 * @param nodesFile {@code byon}: the node list YAML
 * @param leasesFile {@code byon}: where the hosts handed to deployments are recorded
 * @param properties extra jclouds properties, passed as they are
 */
public record CloudConfig(String name, Provider provider, String endpoint, String identity,
    String credential, String region, String image, String loginUser, String network,
    List<String> capAdd, Map<String, String> sysctls, Path nodesFile, Path leasesFile,
    Map<String, String> properties, String source) {

  public static final String LOCAL_ENDPOINT = "http://127.0.0.1:2375";
  public static final String LOCAL_IMAGE = "regatta/node:latest";
  public static final String LOCAL_NETWORK = "regatta";

  public CloudConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    capAdd = List.copyOf(capAdd);
    sysctls = Map.copyOf(sysctls);
    properties = Map.copyOf(properties);
    source = source == null ? "built-in default" : source;
  }

  /** The default cloud: node containers from {@code regatta/node:latest} on network regatta. */
  public static CloudConfig local() {
    return builder("local", Provider.LOCAL).build();
  }

  public static Builder builder(String name, Provider provider) {
    return new Builder(name, provider);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name, provider).endpoint(endpoint).identity(identity)
        .credential(credential).region(region).image(image).loginUser(loginUser).network(network)
        .nodesFile(nodesFile).leasesFile(leasesFile).source(source);
    b.capAdd = new ArrayList<>(capAdd);
    b.sysctls = new LinkedHashMap<>(sysctls);
    b.properties = new LinkedHashMap<>(properties);
    return b;
  }

  /** Never prints the credential. */
  @Override
  public String toString() {
    return "CloudConfig[" + name + ", provider=" + provider.id() + ", endpoint=" + endpoint
        + ", identity=" + identity + ", credential=" + (credential == null ? "none" : "***")
        + ", region=" + region + ", image=" + image + ", source=" + source + "]";
  }

  /** Fills provider defaults in (the local endpoint, image, network, NET_ADMIN, login user). */
  public static final class Builder {
    private final String name;
    private final Provider provider;
    private String endpoint;
    private String identity;
    private String credential;
    private String region;
    private String image;
    private String loginUser;
    private String network;
    private List<String> capAdd;
    private Map<String, String> sysctls;
    private Path nodesFile;
    private Path leasesFile;
    private Map<String, String> properties = new LinkedHashMap<>();
    private String source;

    private Builder(String name, Provider provider) {
      this.name = name;
      this.provider = provider;
    }

    public Builder endpoint(String v) { endpoint = v; return this; }
    public Builder identity(String v) { identity = v; return this; }
    public Builder credential(String v) { credential = v; return this; }
    public Builder region(String v) { region = v; return this; }
    public Builder image(String v) { image = v; return this; }
    public Builder loginUser(String v) { loginUser = v; return this; }
    public Builder network(String v) { network = v; return this; }
    public Builder capAdd(List<String> v) { capAdd = new ArrayList<>(v); return this; }
    public Builder sysctls(Map<String, String> v) { sysctls = new LinkedHashMap<>(v); return this; }
    public Builder nodesFile(Path v) { nodesFile = v; return this; }
    public Builder leasesFile(Path v) { leasesFile = v; return this; }
    public Builder source(String v) { source = v; return this; }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    public Builder properties(Map<String, String> v) {
      properties.putAll(v);
      return this;
    }

    public CloudConfig build() {
      boolean local = provider == Provider.LOCAL;
      return new CloudConfig(name, provider,
          endpoint != null ? endpoint : provider.defaultEndpoint(), identity, credential, region,
          image != null ? image : local ? LOCAL_IMAGE : null,
          loginUser != null ? loginUser : local || provider == Provider.BYON ? "root" : null,
          network != null ? network : local ? LOCAL_NETWORK : null,
          capAdd != null ? capAdd : local ? List.of("NET_ADMIN") : List.of(),
          sysctls != null ? sysctls
              : local ? Map.of("net.ipv4.ip_nonlocal_bind", "1") : Map.of(),
          nodesFile, leasesFile, properties, source);
    }
  }
}
