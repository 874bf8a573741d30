package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clouds file: the documented example loads, and every mistake names the file and key. */
class CloudConfigsTest {

  private static final Map<String, String> ENV = Map.of("OS_PASSWORD", "os-secret",
      "AWS_SECRET_ACCESS_KEY", "aws-secret", "AZURE_CLIENT_SECRET", "azure-secret");

  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("clouds.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private CloudException error(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(CloudException.class, () -> CloudConfigs.load(file, ENV::get));
  }

  @Test
  void theDocumentedExampleLoads() throws Exception {
    Path file = dir.resolve("clouds.yaml");
    try (InputStream in = getClass().getResourceAsStream("/cloud/clouds-example.yaml")) {
      Files.copy(in, file);
    }
    Files.writeString(dir.resolve("gce-key.json"), "{\"type\": \"service_account\", "
        + "\"project_id\": \"proj-1\", \"client_email\": \"regatta@proj-1.iam.gserviceaccount.com\","
        + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMII...\\n-----END PRIVATE KEY-----\\n\"}");

    CloudConfigs clouds = CloudConfigs.load(file, ENV::get);

    assertEquals(List.of("aws", "azure", "gce", "lab", "local", "openstack"), clouds.names());
    assertEquals(CloudConfig.local().toBuilder().source(file.toString()).build(),
        clouds.defaultCloud());
    CloudConfig os = clouds.get("openstack");
    assertEquals(Provider.OPENSTACK_NOVA, os.provider());
    assertEquals("os-secret", os.credential());
    assertEquals("3", os.properties().get("jclouds.keystone.version"));
    assertEquals("aws-secret", clouds.get("aws").credential());
    CloudConfig gce = clouds.get("gce");
    assertEquals("regatta@proj-1.iam.gserviceaccount.com", gce.identity());
    assertTrue(gce.credential().startsWith("-----BEGIN PRIVATE KEY-----\nMII"));
    assertEquals("proj-1", gce.properties().get("jclouds.googlecloud.project-name"));
    CloudConfig azure = clouds.get("azure");
    assertEquals("https://management.azure.com/subscriptions/11111111-2222-3333-4444-555555555555",
        azure.endpoint());
    assertEquals("66666666-7777-8888-9999-000000000000",
        azure.properties().get("azurecompute-arm.tenantId"));
    assertEquals(dir.resolve("vagrant/nodes.yaml"), clouds.get("lab").nodesFile());
    assertFalse(os.toString().contains("os-secret"), "credentials are never printed");
  }

  @Test
  void withoutAFileThereIsTheLocalCloud() throws Exception {
    CloudConfigs none = CloudConfigs.load(write(""), ENV::get);
    assertEquals(CloudConfig.LOCAL_ENDPOINT, none.defaultCloud().endpoint());
    assertEquals(List.of("local"), none.names());
    CloudConfig local = CloudConfig.local();
    assertEquals(List.of("NET_ADMIN"), local.capAdd());
    assertEquals("regatta/node:latest", local.image());
    assertEquals("regatta", local.network());
    assertEquals("root", local.loginUser());
  }

  @Test
  void anUnknownKeyIsNamedWithTheKeysThatWouldDo() throws Exception {
    CloudException e = error("clouds:\n  aws:\n    provider: aws-ec2\n    flavour: t3.small\n");
    assertEquals(dir.resolve("clouds.yaml") + ": clouds.aws.flavour: unknown key for provider "
        + "aws-ec2 (known: credential, credential_file, endpoint, identity, image, login_user, "
        + "network, properties, provider, region).", e.getMessage());
    assertTrue(error("cloud:\n  a: {provider: local}\n").getMessage()
        .endsWith("clouds.yaml: cloud: unknown key (known: default, clouds)."));
    assertTrue(error("clouds:\n  l: {provider: local, nodes_file: x}\n").getMessage()
        .contains("clouds.l.nodes_file: unknown key for provider local"));
  }

  @Test
  void missingCredentialsNameTheKeyAndWhatGoesThere() throws Exception {
    assertEquals(dir.resolve("clouds.yaml") + ": clouds.aws.credential: is missing (aws-ec2 "
        + "needs an identity and a credential: the access key id and the secret access key).",
        error("clouds:\n  aws: {provider: aws-ec2, identity: AKIA, login_user: admin}\n")
            .getMessage());
    assertTrue(error("clouds:\n  os: {provider: openstack-nova, credential: x}\n").getMessage()
        .contains("clouds.os.identity: is missing"));
    assertTrue(error("clouds:\n  os: {provider: openstack-nova, identity: a, credential: b}\n")
        .getMessage().contains("clouds.os.endpoint: is missing (the Keystone URL"));
    assertTrue(error("clouds:\n  aws: {provider: aws-ec2, identity: a, credential: b}\n")
        .getMessage().contains("clouds.aws.login_user: is missing"));
    assertTrue(error("clouds:\n  az: {provider: azurecompute-arm, identity: a, credential: b,"
        + " subscription_id: s}\n").getMessage().contains("clouds.az.tenant_id: is missing"));
    assertTrue(error("clouds:\n  lab: {provider: byon}\n").getMessage()
        .contains("clouds.lab.nodes_file: is missing"));
  }

  @Test
  void environmentVariablesMustBeSet() throws Exception {
    assertEquals(dir.resolve("clouds.yaml") + ": clouds.aws.credential: environment variable "
        + "AWS_NOPE is not set.", error("clouds:\n  aws: {provider: aws-ec2, identity: a, "
            + "credential: '${AWS_NOPE}', login_user: admin}\n").getMessage());
  }

  @Test
  void providersDefaultsAndNamesAreChecked() throws Exception {
    assertTrue(error("clouds:\n  x: {provider: digitalocean}\n").getMessage()
        .endsWith("clouds.x.provider: unknown provider 'digitalocean' (known: local, "
            + "openstack-nova, aws-ec2, google-compute-engine, azurecompute-arm, byon)."));
    assertTrue(error("clouds:\n  x: {endpoint: http://a}\n").getMessage()
        .contains("clouds.x.provider: is missing"));
    assertTrue(error("default: aws\nclouds:\n  x: {provider: local}\n").getMessage()
        .contains("default: names no cloud of this file: 'aws' (known: x)"));
    assertTrue(error("clouds: [\n").getMessage().contains("not valid YAML"));
    CloudConfigs c = CloudConfigs.load(write("clouds:\n  x: {provider: local}\n"), ENV::get);
    CloudException unknown = assertThrows(CloudException.class, () -> c.get("y"));
    assertTrue(unknown.getMessage().endsWith("no cloud named 'y' (known: local, x)."));
    assertNull(c.get("x").credential());
    assertThrows(CloudException.class,
        () -> CloudConfigs.load(dir.resolve("nope.yaml"), ENV::get));
  }
}
