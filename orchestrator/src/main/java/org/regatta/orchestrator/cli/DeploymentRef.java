package org.regatta.orchestrator.cli;

import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.StoreException;

/** Finds the deployment a command names (by id or unique name), or says there is none. */
final class DeploymentRef {

  private DeploymentRef() {}

  static Deployment find(Runtime rt, String ref) throws StoreException {
    return rt.store.find(ref).orElseThrow(() -> new Failure("no deployment '" + ref
        + "' (see 'orchestrator list')"));
  }

  /** A failure to report as one sentence with exit 1. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }
}
