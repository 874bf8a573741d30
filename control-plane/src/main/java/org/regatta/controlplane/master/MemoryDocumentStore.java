package org.regatta.controlplane.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory store for fast tests; the same contract as ZooKeeper's. */
public final class MemoryDocumentStore implements DocumentStore {

  private final Map<String, TreeMap<String, Document>> data = new ConcurrentHashMap<>();

  private TreeMap<String, Document> of(String collection) {
    return data.computeIfAbsent(collection, c -> new TreeMap<>());
  }

  @Override
  public synchronized Optional<Document> get(String collection, String key) {
    return Optional.ofNullable(of(collection).get(key));
  }

  @Override
  public synchronized List<Document> list(String collection) {
    return new ArrayList<>(of(collection).values());
  }

  @Override
  public synchronized void put(String collection, String key, byte[] bytes) {
    Document old = of(collection).get(key);
    of(collection).put(key, new Document(key, bytes.clone(), old == null ? 0 : old.version() + 1));
  }

  @Override
  public synchronized boolean putIf(String collection, String key, byte[] bytes, int expected) {
    Document old = of(collection).get(key);
    int current = old == null ? -1 : old.version();
    if (current != expected) {
      return false;
    }
    put(collection, key, bytes);
    return true;
  }

  @Override
  public synchronized void delete(String collection, String key) {
    of(collection).remove(key);
  }

  @Override
  public void close() {}
}
