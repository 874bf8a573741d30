package org.regatta.controlplane.master;

class MemoryDocumentStoreTest extends DocumentStoreContract {
  @Override
  DocumentStore store() {
    return new MemoryDocumentStore();
  }
}
