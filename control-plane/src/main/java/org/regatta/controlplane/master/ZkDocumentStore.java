package org.regatta.controlplane.master;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Documents as znodes: {@code <root>/<collection>/<url-encoded key>}. Versions are ZooKeeper's,
 * so a conditional write is a compare-and-set the ensemble decides.
 */
public final class ZkDocumentStore implements DocumentStore {

  private final CuratorFramework zk;
  private final String root;

  public ZkDocumentStore(CuratorFramework zk, String root) {
    this.zk = zk;
    this.root = root;
  }

  private String path(String collection, String key) {
    return root + "/" + collection + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private StoreException failed(String what, Exception e) {
    return new StoreException("ZooKeeper (" + zk.getZookeeperClient().getCurrentConnectionString()
        + "): cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public Optional<Document> get(String collection, String key) throws StoreException {
    try {
      Stat stat = new Stat();
      byte[] data = zk.getData().storingStatIn(stat).forPath(path(collection, key));
      return Optional.of(new Document(key, data, stat.getVersion()));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw failed("read " + collection + "/" + key, e);
    }
  }

  @Override
  public List<Document> list(String collection) throws StoreException {
    List<Document> out = new ArrayList<>();
    List<String> children;
    try {
      children = zk.getChildren().forPath(root + "/" + collection);
    } catch (KeeperException.NoNodeException e) {
      return out;
    } catch (Exception e) {
      throw failed("list " + collection, e);
    }
    children.sort(null);
    for (String child : children) {
      get(collection, URLDecoder.decode(child, StandardCharsets.UTF_8)).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public void put(String collection, String key, byte[] data) throws StoreException {
    String path = path(collection, key);
    try {
      try {
        zk.setData().forPath(path, data);
      } catch (KeeperException.NoNodeException e) {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, data);
      }
    } catch (Exception e) {
      throw failed("write " + collection + "/" + key, e);
    }
  }

  @Override
  public boolean putIf(String collection, String key, byte[] data, int expected)
      throws StoreException {
    String path = path(collection, key);
    try {
      if (expected < 0) {
        zk.create().creatingParentsIfNeeded().forPath(path, data);
      } else {
        zk.setData().withVersion(expected).forPath(path, data);
      }
      return true;
    } catch (KeeperException.NodeExistsException | KeeperException.BadVersionException
        | KeeperException.NoNodeException e) {
      return false;
    } catch (Exception e) {
      throw failed("write " + collection + "/" + key, e);
    }
  }

  @Override
  public void delete(String collection, String key) throws StoreException {
    try {
      zk.delete().forPath(path(collection, key));
    } catch (KeeperException.NoNodeException e) {
      // already gone
    } catch (Exception e) {
      throw failed("delete " + collection + "/" + key, e);
    }
  }

  @Override
  public void close() {
    // the Curator client belongs to the master
  }
}
