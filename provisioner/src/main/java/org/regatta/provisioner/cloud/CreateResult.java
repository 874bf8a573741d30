package org.regatta.provisioner.cloud;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a create: nodes that came up, and for each spec name that failed, why. Nodes of
 * a failed spec that the cloud did create are listed in {@code created} (so they can be destroyed).
 */
public record CreateResult(List<CloudNode> created, Map<String, String> failed) {
  public CreateResult {
    created = List.copyOf(created);
    failed = Map.copyOf(failed);
  }

  public boolean allCreated() {
    return failed.isEmpty();
  }
}
