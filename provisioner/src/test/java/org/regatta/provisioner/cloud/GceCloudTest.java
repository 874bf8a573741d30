package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google Compute Engine through jclouds against recorded OAuth and Compute v1 exchanges on
 * loopback: what a NodeSpec becomes in instances.insert, and how GCE's errors read.
 */
class GceCloudTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String key;
  private MockCloudServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockCloudServer().load("/cloud/gce/create.yaml");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A throw-away service-account key: jclouds signs its JWT with it. */
  static synchronized String pem() throws Exception {
    if (key == null) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      key = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
          "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
              g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
    return key;
  }

  private String image(String name) {
    return server.base() + "/compute/v1/projects/proj-1/global/images/" + name;
  }

  private JcloudsCloud cloud(String image) throws Exception {
    return JcloudsCloud.open(CloudConfig.builder("gce", Provider.GOOGLE_COMPUTE_ENGINE)
        .endpoint(server.base() + "/compute/v1")
        .identity("regatta@proj-1.iam.gserviceaccount.com").credential(pem())
        .region("europe-west1-b").image(image).source("clouds.yaml")
        .property("jclouds.max-retries", "0")
        .property("oauth.endpoint", server.base() + "/token")
        .property("jclouds.google-compute-engine.image-projects", "")
        .build());
  }

  private static NodeSpec spec(int cpus, long memoryMb, String instanceType) {
    return new NodeSpec("d1", "master-0", cpus, memoryMb, null, instanceType,
        CloudContractTest.PUBLIC_KEY, Map.of());
  }

  private JsonNode insert() throws Exception {
    List<MockCloudServer.Request> posts =
        server.requests("POST", "/compute/v1/projects/proj-1/zones/europe-west1-b/instances");
    assertEquals(1, posts.size());
    return JSON.readTree(posts.get(0).body());
  }

  @Test
  void sizesPickAMachineTypeLabelsBecomeMetadataAndTheKeyGoesToSshKeys() throws Exception {
    CreateResult result;
    try (JcloudsCloud cloud = cloud(image("debian-12"))) {
      result = cloud.create(List.of(spec(2, 2048, null)));
    }
    assertTrue(result.allCreated(), () -> result.failed().toString());

    JsonNode insert = insert();
    assertEquals("rg-d1-master-0", insert.path("name").asText());
    assertTrue(insert.path("machineType").asText().endsWith("/machineTypes/e2-small"));
    assertEquals(image("debian-12"),
        insert.path("disks").path(0).path("initializeParams").path("sourceImage").asText());
    Map<String, String> metadata = new HashMap<>();
    insert.path("metadata").path("items").forEach(i ->
        metadata.put(i.path("key").asText(), i.path("value").asText()));
    assertEquals("d1", metadata.get("org_regatta_deployment"), "GCE keys allow no dots");
    assertEquals("master-0", metadata.get("org_regatta_node"));
    assertEquals("regatta:" + CloudContractTest.PUBLIC_KEY, metadata.get("ssh-keys"));
    assertTrue(server.unmatched().isEmpty(), () -> server.unmatched().toString());

    CloudNode node = result.created().get(0);
    assertEquals("master-0", node.name());
    assertEquals("d1", node.deploymentId());
    assertEquals("d1", node.labels().get(Labels.DEPLOYMENT), "keys read back with dots");
    assertEquals("10.132.0.5", node.privateAddress());
    assertEquals("regatta", node.loginUser());
    assertEquals(CloudNode.State.RUNNING, node.state());
  }

  @Test
  void anInstanceTypeIsAMachineTypeName() throws Exception {
    try (JcloudsCloud cloud = cloud(image("debian-12"))) {
      assertTrue(cloud.create(List.of(spec(1, 512, "e2-standard-4"))).allCreated());
    }
    assertTrue(insert().path("machineType").asText().endsWith("/machineTypes/e2-standard-4"));
  }

  @Test
  void aRejectedServiceAccountKeyIsAnAuthenticationFailure() throws Exception {
    server.first("POST", "/token", 400,
        "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}");
    try (JcloudsCloud cloud = cloud(image("debian-12"))) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertTrue(why.startsWith("cloud 'gce' (google-compute-engine): cannot create node "
          + "master-0: authentication failed ("), why);
      assertTrue(why.endsWith("check identity and credential of cloud 'gce' in clouds.yaml)."),
          why);
    }
  }

  @Test
  void anUnknownImageIsNamed() throws Exception {
    server.first("GET", "/compute/v1/projects/proj-1/global/images/debian-404", 404,
        "{\"error\": {\"code\": 404, \"message\": \"The resource 'projects/proj-1/global/images/"
            + "debian-404' was not found\"}}");
    try (JcloudsCloud cloud = cloud(image("debian-404"))) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals("cloud 'gce' (google-compute-engine): cannot create node master-0: "
          + "unknown image '" + image("debian-404") + "'.", why);
    }
  }

  @Test
  void aQuotaErrorOfTheInsertIsAQuota() throws Exception {
    server.first("POST", "/compute/v1/projects/proj-1/zones/europe-west1-b/instances", 403,
        "{\"error\": {\"code\": 403, \"message\": \"Quota 'CPUS' exceeded.  Limit: 8.0 in region"
            + " europe-west1.\", \"errors\": [{\"reason\": \"quotaExceeded\", \"message\": "
            + "\"Quota 'CPUS' exceeded.  Limit: 8.0 in region europe-west1.\"}]}}");
    try (JcloudsCloud cloud = cloud(image("debian-12"))) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals("cloud 'gce' (google-compute-engine): cannot create node master-0: quota "
          + "exceeded: Quota 'CPUS' exceeded. Limit: 8.0 in region europe-west1.", why);
    }
  }
}
