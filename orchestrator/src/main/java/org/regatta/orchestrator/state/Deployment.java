package org.regatta.orchestrator.state;

import java.time.Instant;
import java.util.Map;
import org.regatta.tosca.model.Ordered;

/**
 * A deployment as stored: the template it came from, the inputs it was given (generated secrets
 * included, so a resume or scale sees the same values), its status and its outputs.
 */
public record Deployment(String id, String name, String templateFile, String templateText,
    Map<String, String> inputs, Map<String, String> outputs, DeploymentStatus status,
    String statusReason, String cloud, Instant created, Instant updated) {

  public Deployment {
    inputs = Ordered.copy(inputs);
    outputs = Ordered.copy(outputs);
  }

  public Deployment withStatus(DeploymentStatus s, String reason, Instant now) {
    return new Deployment(id, name, templateFile, templateText, inputs, outputs, s, reason,
        cloud, created, now);
  }

  public Deployment withOutputs(Map<String, String> o, Instant now) {
    return new Deployment(id, name, templateFile, templateText, inputs, o, status,
        statusReason, cloud, created, now);
  }
}
