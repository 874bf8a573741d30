package org.regatta.provisioner.cloud;

import java.util.List;

/**
 * What {@link JcloudsCloud} needs from one kind of cloud: create one machine, list, destroy one.
 * Drivers never open SSH; they throw what the cloud threw, and {@link CloudErrors} words it.
 */
interface NodeDriver extends AutoCloseable {

  /** Creates the machine for {@code spec} and returns it once the cloud reports it started. */
  CloudNode create(NodeSpec spec) throws Exception;

  List<CloudNode> list(String deploymentId) throws Exception;

  /** Destroys one machine; an id that is already gone is not an error. */
  void destroy(String id) throws Exception;

  @Override
  void close();

  /** The machine exists but did not come up: it is reported so that it can be destroyed. */
  final class HalfCreated extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CloudNode node;

    HalfCreated(CloudNode node, Throwable cause) {
      super(cause.getMessage(), cause);
      this.node = node;
    }

    CloudNode node() {
      return node;
    }
  }
}
