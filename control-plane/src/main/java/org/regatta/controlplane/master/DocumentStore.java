package org.regatta.controlplane.master;

import java.util.List;
import java.util.Optional;

/**
 * Where the master keeps its state (apps, tasks, agents, framework ids): JSON documents by
 * collection and key, with optimistic versions. ZooKeeper in production, memory in fast tests;
 * both pass the same contract test.
 */
public interface DocumentStore extends AutoCloseable {

  /** A stored document and the version a conditional write must name. */
  record Document(String key, byte[] data, int version) {}

  Optional<Document> get(String collection, String key) throws StoreException;

  List<Document> list(String collection) throws StoreException;

  /** Creates or replaces unconditionally. */
  void put(String collection, String key, byte[] data) throws StoreException;

  /**
   * Writes only if the stored version is still {@code expected} (-1: only if absent); false when
   * someone else wrote first.
   */
  boolean putIf(String collection, String key, byte[] data, int expected) throws StoreException;

  /** Deletes; deleting what is absent is not an error. */
  void delete(String collection, String key) throws StoreException;

  @Override
  void close();

  /** The store failed; the message names the backend and the cause. */
  final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
