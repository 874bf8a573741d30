package org.regatta.controlplane.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;

/** How the leader tells agents to launch and kill tasks; fire-and-forget, reports come back. */
public interface AgentClient {

  void launch(String agentUrl, Launch launch);

  void kill(String agentUrl, String taskId);

  /** Over HTTP, asynchronously: an unreachable agent shows up as a lost task later. */
  static AgentClient http() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    ObjectMapper json = new ObjectMapper();
    return new AgentClient() {
      @Override
      public void launch(String agentUrl, Launch launch) {
        try {
          client.sendAsync(HttpRequest.newBuilder(URI.create(agentUrl + "/internal/tasks"))
              .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(launch)))
              .build(), HttpResponse.BodyHandlers.discarding());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void kill(String agentUrl, String taskId) {
        client.sendAsync(HttpRequest.newBuilder(URI.create(agentUrl + "/internal/tasks/"
            + java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      }
    };
  }
}
