package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenStack through jclouds openstack-nova against recorded Keystone and Nova exchanges on
 * loopback: what a NodeSpec becomes in POST /servers, and how the cloud's errors read.
 */
class NovaCloudTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private MockCloudServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockCloudServer().load("/cloud/nova/destroy.yaml")
        .load("/cloud/nova/create.yaml");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JcloudsCloud cloud(String image) throws CloudException {
    return JcloudsCloud.open(CloudConfig.builder("os", Provider.OPENSTACK_NOVA)
        .endpoint(server.base() + "/v2.0/").identity("demo:alice").credential("secret")
        .region("RegionOne").image(image).source("/home/u/.config/regatta/clouds.yaml")
        .property("jclouds.max-retries", "0")
        .property("jclouds.compute.timeout.node-terminated", "2000").build());
  }

  private static NodeSpec spec(int cpus, long memoryMb, String instanceType) {
    return new NodeSpec("d1", "master-0", cpus, memoryMb, null, instanceType,
        CloudContractTest.PUBLIC_KEY, Map.of("org.regatta.role", "master"));
  }

  private JsonNode serverRequest() throws Exception {
    List<MockCloudServer.Request> posts = server.requests("POST", "/v2/t1/servers");
    assertEquals(1, posts.size(), () -> MockCloudServer.targets(server.requests()).toString());
    return JSON.readTree(posts.get(0).body()).path("server");
  }

  @Test
  void sizesPickTheSmallestFlavourThatFitsAndTheKeyGoesInByCloudInit() throws Exception {
    CreateResult result;
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      result = cloud.create(List.of(spec(2, 2048, null)));
    }

    assertTrue(result.allCreated(), () -> result.failed().toString());
    JsonNode server = serverRequest();
    assertEquals("2", server.path("flavorRef").asText(), "m1.medium: 2 vcpus, 4096 MB");
    assertEquals("img-1", server.path("imageRef").asText());
    assertEquals("rg-d1-master-0", server.path("name").asText());
    assertEquals("d1", server.path("metadata").path(Labels.DEPLOYMENT).asText());
    assertEquals("master-0", server.path("metadata").path(Labels.NODE).asText());
    assertEquals("master", server.path("metadata").path("org.regatta.role").asText());
    String userData = new String(Base64.getDecoder().decode(server.path("user_data").asText()),
        StandardCharsets.UTF_8);
    assertTrue(userData.startsWith("#cloud-config\n") && userData.contains(
        "ssh_authorized_keys:\n  - " + CloudContractTest.PUBLIC_KEY), userData);
    assertTrue(server.path("key_name").isMissingNode(), "no key pair is made");
    assertEquals("jclouds-rg-d1", server.path("security_groups").path(0).path("name").asText());
    assertTrue(server().unmatched().isEmpty(), () -> server().unmatched().toString());

    CloudNode node = result.created().get(0);
    assertEquals("RegionOne/srv-1", node.id());
    assertEquals("master-0", node.name());
    assertEquals("d1", node.deploymentId());
    assertEquals("10.0.0.5", node.privateAddress());
    assertEquals(CloudNode.State.RUNNING, node.state());
  }

  private MockCloudServer server() {
    return server;
  }

  @Test
  void anInstanceTypeIsAFlavourNameAndWinsOverSizes() throws Exception {
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      assertTrue(cloud.create(List.of(spec(1, 512, "m1.large"))).allCreated());
    }
    assertEquals("3", serverRequest().path("flavorRef").asText());
  }

  @Test
  void anUnknownInstanceTypeNamesTheKnownOnes() throws Exception {
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      String why = cloud.create(List.of(spec(1, 512, "m9.huge"))).failed().get("master-0");
      assertTrue(why.contains("unknown instance type 'm9.huge'") && why.contains("m1.small"),
          why);
    }
  }

  /** Slow by jclouds' design: its Keystone handler retries a 401 with 5 s pauses (15 s). */
  @Test
  void wrongCredentialsSayAuthenticationFailedAndWhereToFixThem() throws Exception {
    server.first("POST", "/v2.0/tokens", 401,
        "{\"error\": {\"message\": \"The request you have made requires authentication.\","
            + " \"code\": 401, \"title\": \"Unauthorized\"}}");
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals("cloud 'os' (openstack-nova): cannot create node master-0: authentication "
          + "failed (check identity and credential of cloud 'os' in "
          + "/home/u/.config/regatta/clouds.yaml).", why);
    }
  }

  @Test
  void anUnknownImageIsNamed() throws Exception {
    try (JcloudsCloud cloud = cloud("RegionOne/img-404")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals("cloud 'os' (openstack-nova): cannot create node master-0: unknown image "
          + "'RegionOne/img-404'.", why);
    }
    assertTrue(server.requests("POST", "/v2/t1/servers").isEmpty());
  }

  @Test
  void quotaExceededComesFromA413OrA403() throws Exception {
    server.first("POST", "/v2/t1/servers", 413, "{\"overLimit\": {\"code\": 413, \"message\":"
        + " \"Quota exceeded for instances: Requested 1, but already used 10 of 10 instances\"}}");
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals("cloud 'os' (openstack-nova): cannot create node master-0: quota exceeded: "
          + "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances.",
          why);
    }
    server.first("POST", "/v2/t1/servers", 403, "{\"forbidden\": {\"code\": 403, \"message\":"
        + " \"Quota exceeded for cores: Requested 2, but already used 20 of 20 cores\"}}");
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertTrue(why.endsWith("quota exceeded: Quota exceeded for cores: Requested 2, but "
          + "already used 20 of 20 cores."), why);
    }
  }

  @Test
  void listFindsTheDeploymentByMetadataOnly() throws Exception {
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      List<CloudNode> nodes = cloud.list("d1");
      assertEquals(1, nodes.size());
      assertEquals("master-0", nodes.get(0).name());
      assertEquals("10.0.0.5", nodes.get(0).privateAddress());
      assertNull(nodes.get(0).publicAddress());
      assertTrue(cloud.list("d2").isEmpty());
    }
  }

  @Test
  void destroyDeletesTheServerAndAGoneServerIsFine() throws Exception {
    try (JcloudsCloud cloud = cloud("RegionOne/img-1")) {
      cloud.destroy(List.of("RegionOne/srv-1", "RegionOne/srv-gone"));
    }
    assertEquals(1, server.requests("DELETE", "/v2/t1/servers/srv-1").size());
    assertTrue(server.requests("DELETE", "/v2/t1/servers/srv-gone").isEmpty());
  }
}
