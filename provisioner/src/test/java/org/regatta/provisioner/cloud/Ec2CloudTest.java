package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS through jclouds aws-ec2 against recorded EC2 Query API exchanges on loopback: what a
 * NodeSpec becomes in RunInstances and CreateTags, and how EC2's error codes read.
 */
class Ec2CloudTest {

  private MockCloudServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockCloudServer().load("/cloud/ec2/create.yaml");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JcloudsCloud cloud(String image) throws CloudException {
    return JcloudsCloud.open(CloudConfig.builder("aws", Provider.AWS_EC2)
        .endpoint(server.base()).identity("AKIDEXAMPLE").credential("secret")
        .region("us-east-1").image(image).loginUser("admin").source("clouds.yaml")
        .property("jclouds.max-retries", "0")
        .property("jclouds.regions", "us-east-1")
        .property("jclouds.region.us-east-1.endpoint", server.base())
        .property("jclouds.region.us-east-1.zones", "us-east-1a")
        .build());
  }

  private static NodeSpec spec(int cpus, long memoryMb, String instanceType) {
    return new NodeSpec("d1", "master-0", cpus, memoryMb, null, instanceType,
        CloudContractTest.PUBLIC_KEY, Map.of());
  }

  /** The form parameters of the one request for {@code action}. */
  private Map<String, String> call(String action) {
    List<MockCloudServer.Request> calls = server.requests().stream()
        .filter(r -> r.body().startsWith("Action=" + action + "&")).toList();
    assertEquals(1, calls.size(), () -> action + " in " + server.requests());
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : calls.get(0).body().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void sizesPickAnInstanceTypeTheKeyGoesInByCloudInitAndLabelsBecomeTags() throws Exception {
    CreateResult result;
    try (JcloudsCloud cloud = cloud("us-east-1/ami-1")) {
      result = cloud.create(List.of(spec(2, 2048, null)));
    }
    assertTrue(result.allCreated(), () -> result.failed().toString());

    Map<String, String> run = call("RunInstances");
    assertEquals("ami-1", run.get("ImageId"));
    assertEquals("t3.small", run.get("InstanceType"), "the smallest with 2 vCPUs and 2 GiB");
    assertFalse(run.containsKey("KeyName"), "no key pair is made: " + run);
    String userData = new String(Base64.getDecoder().decode(run.get("UserData")),
        StandardCharsets.UTF_8);
    assertEquals(ComputeDriver.cloudInit(CloudContractTest.PUBLIC_KEY), userData);
    Map<String, String> tags = new LinkedHashMap<>();
    Map<String, String> form = call("CreateTags");
    for (int i = 1; form.containsKey("Tag." + i + ".Key"); i++) {
      tags.put(form.get("Tag." + i + ".Key"), form.get("Tag." + i + ".Value"));
    }
    assertEquals(Map.of(Labels.DEPLOYMENT, "d1", Labels.NODE, "master-0", "Name",
        "rg-d1-master-0"), tags);
    assertTrue(server.unmatched().isEmpty(), () -> server.unmatched().toString());

    CloudNode node = result.created().get(0);
    assertEquals("us-east-1/i-1", node.id());
    assertEquals("master-0", node.name());
    assertEquals("10.0.0.5", node.privateAddress());
    assertEquals("admin", node.loginUser());
    assertEquals(CloudNode.State.RUNNING, node.state());
  }

  @Test
  void anInstanceTypeIsUsedAsItIs() throws Exception {
    try (JcloudsCloud cloud = cloud("us-east-1/ami-1")) {
      assertTrue(cloud.create(List.of(spec(1, 512, "m5.large"))).allCreated());
    }
    assertEquals("m5.large", call("RunInstances").get("InstanceType"));
  }

  @Test
  void authFailureSaysWhereToFixTheCredentials() throws Exception {
    server.first("POST", "/", 401, "<Response><Errors><Error><Code>AuthFailure</Code><Message>"
        + "AWS was not able to validate the provided access credentials</Message></Error>"
        + "</Errors><RequestID>req-x</RequestID></Response>");
    try (JcloudsCloud cloud = cloud("us-east-1/ami-1")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertTrue(why.startsWith("cloud 'aws' (aws-ec2): cannot create node master-0: "
          + "authentication failed ("), why);
      assertTrue(why.endsWith("check identity and credential of cloud 'aws' in clouds.yaml)."),
          why);
    }
  }

  @Test
  void anUnknownAmiIsNamed() throws Exception {
    try (JcloudsCloud cloud = cloud("us-east-1/ami-404")) {
      assertEquals("cloud 'aws' (aws-ec2): cannot create node master-0: unknown image "
          + "'us-east-1/ami-404'.",
          cloud.create(List.of(spec(1, 512, null))).failed().get("master-0"));
    }
  }

  @Test
  void anInstanceLimitIsAQuota() throws Exception {
    server.first("POST", "/", "Action=RunInstances&", 400,
        "<Response><Errors><Error><Code>InstanceLimitExceeded</Code>"
        + "<Message>You have requested more instances (21) than your current instance limit of"
        + " 20 allows for the specified instance type.</Message></Error></Errors>"
        + "<RequestID>req-y</RequestID></Response>");
    try (JcloudsCloud cloud = cloud("us-east-1/ami-1")) {
      String why = cloud.create(List.of(spec(1, 512, null))).failed().get("master-0");
      assertEquals(1, server.requests().stream()
          .filter(r -> r.body().startsWith("Action=RunInstances&")).count());
      assertEquals("cloud 'aws' (aws-ec2): cannot create node master-0: quota exceeded: You "
          + "have requested more instances (21) than your current instance limit of 20 allows "
          + "for the specified instance type.", why);
    }
  }
}
