package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;
import org.junit.jupiter.api.Test;

/** Error bodies no recorded exchange covers (Azure's, whose token URL jclouds pins to https). */
class CloudErrorsTest {

  private static final CloudConfig AZURE = CloudConfig.builder("azure", Provider.AZURECOMPUTE_ARM)
      .source("~/.config/regatta/clouds.yaml").build();

  private static HttpResponseException http(int status, String content) {
    return new HttpResponseException("request failed with " + status, null,
        HttpResponse.builder().statusCode(status).build(), content);
  }

  @Test
  void anEngineThatIsNotThereSaysRunBinSetup() {
    String why = CloudErrors.forNode(CloudConfig.local(), "master-0",
        new RuntimeException(new ConnectException("Connection refused")));
    assertEquals("cloud 'local' (local): cannot create node master-0: the Docker engine at "
        + "http://127.0.0.1:2375 is not reachable (Connection refused); run bin/setup.", why);
  }

  @Test
  void azureErrorsRead() {
    assertEquals("authentication failed (AADSTS7000215: Invalid client secret provided; check "
        + "identity and credential of cloud 'azure' in ~/.config/regatta/clouds.yaml)",
        CloudErrors.cause(AZURE, new AuthorizationException(http(401, "{\"error\": "
            + "\"invalid_client\", \"error_description\": \"AADSTS7000215: Invalid client "
            + "secret provided.\"}"))));
    assertEquals("quota exceeded: Operation could not be completed as it results in exceeding "
        + "approved standardDSv3Family Cores quota",
        CloudErrors.cause(AZURE, http(409, "{\"error\": {\"code\": \"OperationNotAllowed\", "
            + "\"message\": \"Operation could not be completed as it results in exceeding "
            + "approved standardDSv3Family Cores quota.\"}}")));
    assertEquals("unknown image: The platform image 'Canonical:nope:22_04:latest' is not "
        + "available",
        CloudErrors.cause(AZURE, http(404, "{\"error\": {\"code\": \"PlatformImageNotFound\", "
            + "\"message\": \"The platform image 'Canonical:nope:22_04:latest' is not "
            + "available.\"}}")));
  }

  @Test
  void anUnclassifiedErrorKeepsTheServersOwnWords() {
    String cause = CloudErrors.cause(AZURE, http(500, "{\"error\": {\"code\": \"InternalError\","
        + " \"message\": \"Something went wrong.\"}}"));
    assertEquals("Something went wrong", cause);
    assertFalse(CloudErrors.isNotFound(http(500, "")));
    assertTrue(CloudErrors.isNotFound(http(404, "")));
  }
}
