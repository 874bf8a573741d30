package org.regatta.provisioner.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jclouds.ContextBuilder;
import org.jclouds.compute.ComputeServiceContext;
import org.jclouds.docker.DockerApi;
import org.jclouds.docker.domain.Image;
import org.jclouds.docker.options.RemoveContainerOptions;
import org.jclouds.http.HttpRequest;
import org.jclouds.http.HttpResponse;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.jclouds.rest.HttpClient;

/**
 * The {@code local} cloud: node containers on a Docker engine, through jclouds' docker api and
 * its HTTP stack. jclouds' Docker model has no container labels, so the two calls that need them
 * (create, list by label) go as Engine API JSON through the same jclouds HttpClient; image
 * lookup, start and removal use {@link DockerApi}. The image is always passed by id: a name would
 * make the engine try a registry, and none is reachable.
 */
final class DockerDriver implements NodeDriver {

  /** Labels, Sysctls and Networks in list results need Engine API 1.24 (Docker 1.12). */
  private static final String API = "/v1.24";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudConfig config;
  private final String endpoint;
  private final ComputeServiceContext context;
  private final DockerApi api;
  private final HttpClient http;
  private final Map<String, String> imageIds = new ConcurrentHashMap<>();

  DockerDriver(CloudConfig config) {
    this.config = config;
    this.endpoint = config.endpoint().replaceAll("/+$", "");
    Properties overrides = new Properties();
    overrides.putAll(config.properties());
    context = ContextBuilder.newBuilder("docker")
        .endpoint(endpoint)
        .credentials(config.identity() == null ? "" : config.identity(),
            config.credential() == null ? "" : config.credential())
        .overrides(overrides)
        .modules(ImmutableSet.of(new SLF4JLoggingModule()))
        .buildView(ComputeServiceContext.class);
    api = context.unwrapApi(DockerApi.class);
    http = context.utils().http();
  }

  @Override
  public CloudNode create(NodeSpec spec) throws Exception {
    String imageId = imageId(spec.image() != null ? spec.image() : config.image());
    ObjectNode body = JSON.createObjectNode();
    body.put("Image", imageId);
    body.put("Hostname", Labels.hostName(spec.name()));
    ArrayNode env = body.putArray("Env");
    if (spec.publicKey() != null) {
      env.add("SSH_AUTHORIZED_KEY=" + spec.publicKey().trim());
    }
    ObjectNode labels = body.putObject("Labels");
    Labels.of(spec).forEach(labels::put);
    ObjectNode host = body.putObject("HostConfig");
    if (config.network() != null) {
      host.put("NetworkMode", config.network());
    }
    ArrayNode caps = host.putArray("CapAdd");
    config.capAdd().forEach(caps::add);
    ObjectNode sysctls = host.putObject("Sysctls");
    config.sysctls().forEach(sysctls::put);

    String name = Labels.machineName(spec.deploymentId(), spec.name());
    JsonNode created = call("POST", "/containers/create?name=" + encode(name), body);
    String id = created.path("Id").asText();
    try {
      api.getContainerApi().startContainer(id);
    } catch (RuntimeException startFailed) {
      try {
        destroy(id);
      } catch (Exception removeFailed) {
        startFailed.addSuppressed(removeFailed);
        throw new HalfCreated(new CloudNode(id, spec.name(), spec.deploymentId(), null, null, 22,
            config.loginUser(), CloudNode.State.ERROR, Labels.of(spec)), startFailed);
      }
      throw startFailed;
    }
    List<CloudNode> nodes = query("{\"id\":[\"" + id + "\"]}");
    if (nodes.isEmpty()) {
      throw new CloudException("container " + name + " vanished right after it was started");
    }
    return nodes.get(0);
  }

  @Override
  public List<CloudNode> list(String deploymentId) throws Exception {
    ObjectNode filter = JSON.createObjectNode();
    filter.putArray("label").add(Labels.DEPLOYMENT + "=" + deploymentId);
    return query(JSON.writeValueAsString(filter));
  }

  @Override
  public void destroy(String id) {
    api.getContainerApi().removeContainer(id, RemoveContainerOptions.Builder.force(true)
        .volume(true));
  }

  @Override
  public void close() {
    context.close();
  }

  /** The id of an image tag or id, asked of the engine once per name; never pulls. */
  String imageId(String ref) throws CloudException {
    String known = imageIds.get(ref);
    if (known != null) {
      return known;
    }
    Image image = api.getImageApi().inspectImage(ref);
    if (image == null) {
      throw new CloudException("unknown image '" + ref + "': the Docker engine at " + endpoint
          + " has no such image (nothing is pulled; run bin/setup to build "
          + CloudConfig.LOCAL_IMAGE + ")");
    }
    imageIds.put(ref, image.id());
    return image.id();
  }

  private List<CloudNode> query(String filters) throws IOException {
    JsonNode array = call("GET", "/containers/json?all=1&filters=" + encode(filters), null);
    List<CloudNode> nodes = new ArrayList<>();
    for (JsonNode c : array) {
      nodes.add(toNode(c));
    }
    return nodes;
  }

  private CloudNode toNode(JsonNode c) {
    Map<String, String> labels = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : c.path("Labels").properties()) {
      labels.put(e.getKey(), e.getValue().asText());
    }
    String address = null;
    JsonNode networks = c.path("NetworkSettings").path("Networks");
    JsonNode ours = config.network() == null ? null : networks.get(config.network());
    if (ours != null && !ours.path("IPAddress").asText().isEmpty()) {
      address = ours.path("IPAddress").asText();
    } else {
      for (JsonNode n : networks) {
        if (!n.path("IPAddress").asText().isEmpty()) {
          address = n.path("IPAddress").asText();
          break;
        }
      }
    }
    String name = labels.getOrDefault(Labels.NODE,
        c.path("Names").path(0).asText().replaceFirst("^/", ""));
    return new CloudNode(c.path("Id").asText(), name, labels.get(Labels.DEPLOYMENT), address,
        null, 22, config.loginUser(), state(c.path("State").asText()), labels);
  }

  private static CloudNode.State state(String docker) {
    return switch (docker) {
      case "created", "restarting" -> CloudNode.State.PENDING;
      case "running" -> CloudNode.State.RUNNING;
      case "paused", "exited" -> CloudNode.State.STOPPED;
      case "removing" -> CloudNode.State.TERMINATED;
      case "dead" -> CloudNode.State.ERROR;
      default -> CloudNode.State.UNKNOWN;
    };
  }

  /** One Engine API call through jclouds' HttpClient (and so its docker error handler). */
  private JsonNode call(String method, String pathAndQuery, JsonNode body) throws IOException {
    HttpRequest.Builder<?> request = HttpRequest.builder().method(method)
        .endpoint(URI.create(endpoint + API + pathAndQuery));
    if (body != null) {
      Payload payload = Payloads.newStringPayload(JSON.writeValueAsString(body));
      payload.getContentMetadata().setContentType("application/json");
      request.payload(payload);
    }
    HttpResponse response = http.invoke(request.build());
    if (response.getPayload() == null) {
      return JSON.createObjectNode();
    }
    try (InputStream in = response.getPayload().openStream()) {
      return JSON.readTree(in);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
