package org.regatta.orchestrator.state;

import java.util.List;
import java.util.Optional;

/**
 * Where deployments and their resources are kept (embedded H2 by default, PostgreSQL by JDBC
 * URL). Every write is durable when the call returns: the engine records before it acts.
 */
public interface DeploymentStore extends AutoCloseable {

  void create(Deployment d) throws StoreException;

  Optional<Deployment> get(String id) throws StoreException;

  /** By id, or by name when exactly one deployment has it. */
  Optional<Deployment> find(String idOrName) throws StoreException;

  List<Deployment> list() throws StoreException;

  /** Moves the status when the lifecycle allows it; ILLEGAL leaves it unchanged. */
  Transition setStatus(String id, DeploymentStatus status, String reason) throws StoreException;

  void setOutputs(String id, java.util.Map<String, String> outputs) throws StoreException;

  void putResource(Resource r) throws StoreException;

  List<Resource> resources(String deploymentId) throws StoreException;

  void removeResource(String deploymentId, String name) throws StoreException;

  @Override
  void close();
}
