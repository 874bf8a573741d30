package org.regatta.provisioner.cloud;

import java.util.Collection;
import java.util.List;

/**
 * The port to a cloud: create machines from specs in parallel, list what a deployment has, and
 * destroy. One implementation per backend (jclouds for real clouds, a fake for unit tests), each
 * passing the same contract test. Errors are translated here into {@link CloudException}s whose
 * message is one sentence naming the cloud, node and cause. Backends: {@link JcloudsCloud}
 * (local Docker and the jclouds clouds), {@link ByonCloud}, {@link FakeCloud}; {@link Clouds}
 * opens the right one, and docs/clouds.md describes them.
 */
public interface Cloud extends AutoCloseable {

  /** A short name for messages: "local", "openstack-nova", "aws-ec2", … */
  String name();

  /**
   * Creates every spec, in parallel where the backend allows. Never throws for a node that fails:
   * the result says which nodes came up and which failed, and why.
   */
  CreateResult create(List<NodeSpec> specs);

  /**
   * The nodes carrying the deployment label {@code deploymentId}, running or not; machines a
   * cloud still shows after they were terminated are left out.
   */
  List<CloudNode> list(String deploymentId) throws CloudException;

  /** Destroys the nodes with these ids; ids that no longer exist are not an error. */
  void destroy(Collection<String> ids) throws CloudException;

  @Override
  void close();
}
