package org.regatta.orchestrator.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state store over JDBC: an H2 file by default, PostgreSQL with a {@code jdbc:postgresql:}
 * URL. A connection per call keeps the embedded file free for other orchestrator processes
 * ({@code status} while a {@code deploy} runs).
 */
public final class JdbcDeploymentStore implements DeploymentStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS deployments (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200)"
        + " NOT NULL, template_file VARCHAR(1000) NOT NULL, template_text TEXT NOT NULL,"
        + " inputs TEXT NOT NULL, outputs TEXT NOT NULL, status VARCHAR(32) NOT NULL,"
        + " status_reason TEXT, cloud VARCHAR(100) NOT NULL, created BIGINT NOT NULL,"
        + " updated BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS resources (deployment_id VARCHAR(64) NOT NULL, name"
        + " VARCHAR(200) NOT NULL, node VARCHAR(200) NOT NULL, idx INT NOT NULL, cloud_id"
        + " VARCHAR(200), state VARCHAR(32) NOT NULL, private_address VARCHAR(100),"
        + " public_address VARCHAR(100), last_step TEXT, updated BIGINT NOT NULL,"
        + " PRIMARY KEY (deployment_id, name))"
  };

  private final String url;
  private final Clock clock;

  private JdbcDeploymentStore(String url, Clock clock) {
    this.url = url;
    this.clock = clock;
  }

  /** Opens (and creates when needed) the store at a JDBC URL. */
  public static JdbcDeploymentStore open(String url, Clock clock) throws StoreException {
    JdbcDeploymentStore s = new JdbcDeploymentStore(url, clock);
    s.run("create the schema", c -> {
      for (String ddl : SCHEMA) {
        try (var st = c.createStatement()) {
          st.execute(ddl);
        }
      }
      return null;
    });
    return s;
  }

  /** The embedded default: an H2 file in {@code dir}. */
  public static String h2Url(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      // reported by the first connection with the database's own words
    }
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("regatta") + ";DB_CLOSE_DELAY=0";
  }

  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T run(String what, Work<T> work) throws StoreException {
    SQLException last = null;
    // another orchestrator process may hold the embedded file for a moment: wait for it
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        return work.apply(c);
      } catch (SQLException e) {
        last = e;
        if (!String.valueOf(e.getMessage()).contains("already in use")) {
          break;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new StoreException("state store " + redact(url) + ": cannot " + what + ": "
        + (last == null ? "unknown error" : firstLine(last.getMessage())), last);
  }

  @Override
  public void create(Deployment d) throws StoreException {
    run("record deployment " + d.id(), c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO deployments VALUES"
          + " (?,?,?,?,?,?,?,?,?,?,?)")) {
        p.setString(1, d.id());
        p.setString(2, d.name());
        p.setString(3, d.templateFile());
        p.setString(4, d.templateText());
        p.setString(5, json(d.inputs()));
        p.setString(6, json(d.outputs()));
        p.setString(7, d.status().name());
        p.setString(8, d.statusReason());
        p.setString(9, d.cloud());
        p.setLong(10, d.created().toEpochMilli());
        p.setLong(11, d.updated().toEpochMilli());
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Deployment> get(String id) throws StoreException {
    List<Deployment> l = query("SELECT * FROM deployments WHERE id = ?", id);
    return l.stream().findFirst();
  }

  @Override
  public Optional<Deployment> find(String idOrName) throws StoreException {
    Optional<Deployment> byId = get(idOrName);
    if (byId.isPresent()) {
      return byId;
    }
    List<Deployment> byName = query("SELECT * FROM deployments WHERE name = ? AND status <> ?",
        idOrName, DeploymentStatus.DELETE_COMPLETE.name());
    return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
  }

  @Override
  public List<Deployment> list() throws StoreException {
    return query("SELECT * FROM deployments ORDER BY created");
  }

  private List<Deployment> query(String sql, String... args) throws StoreException {
    return run("read deployments", c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          p.setString(i + 1, args[i]);
        }
        List<Deployment> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new Deployment(r.getString("id"), r.getString("name"),
                r.getString("template_file"), r.getString("template_text"),
                map(r.getString("inputs")), map(r.getString("outputs")),
                DeploymentStatus.valueOf(r.getString("status")), r.getString("status_reason"),
                r.getString("cloud"), Instant.ofEpochMilli(r.getLong("created")),
                Instant.ofEpochMilli(r.getLong("updated"))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Transition setStatus(String id, DeploymentStatus status, String reason)
      throws StoreException {
    return run("update deployment " + id, c -> {
      c.setAutoCommit(false);
      try (PreparedStatement q = c.prepareStatement(
          "SELECT status FROM deployments WHERE id = ? FOR UPDATE")) {
        q.setString(1, id);
        try (ResultSet r = q.executeQuery()) {
          if (!r.next()) {
            c.rollback();
            return Transition.ILLEGAL;
          }
          Transition t = DeploymentStatus.valueOf(r.getString(1)).to(status);
          if (t == Transition.ILLEGAL) {
            c.rollback();
            return t;
          }
          try (PreparedStatement u = c.prepareStatement("UPDATE deployments SET status = ?,"
              + " status_reason = ?, updated = ? WHERE id = ?")) {
            u.setString(1, status.name());
            u.setString(2, reason);
            u.setLong(3, clock.millis());
            u.setString(4, id);
            u.executeUpdate();
          }
          c.commit();
          return t;
        }
      }
    });
  }

  @Override
  public void setOutputs(String id, Map<String, String> outputs) throws StoreException {
    run("store outputs of " + id, c -> {
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE deployments SET outputs = ?, updated = ? WHERE id = ?")) {
        u.setString(1, json(outputs));
        u.setLong(2, clock.millis());
        u.setString(3, id);
        u.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void putResource(Resource x) throws StoreException {
    run("record node " + x.name() + " of " + x.deploymentId(), c -> {
      try (PreparedStatement d = c.prepareStatement(
          "DELETE FROM resources WHERE deployment_id = ? AND name = ?");
          PreparedStatement p = c.prepareStatement(
              "INSERT INTO resources VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        c.setAutoCommit(false);
        d.setString(1, x.deploymentId());
        d.setString(2, x.name());
        d.executeUpdate();
        p.setString(1, x.deploymentId());
        p.setString(2, x.name());
        p.setString(3, x.node());
        p.setInt(4, x.index());
        p.setString(5, x.cloudId());
        p.setString(6, x.state().name());
        p.setString(7, x.privateAddress());
        p.setString(8, x.publicAddress());
        p.setString(9, x.lastStep());
        p.setLong(10, x.updated().toEpochMilli());
        p.executeUpdate();
        c.commit();
      }
      return null;
    });
  }

  @Override
  public List<Resource> resources(String deploymentId) throws StoreException {
    return run("read nodes of " + deploymentId, c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT * FROM resources WHERE deployment_id = ? ORDER BY node, idx")) {
        p.setString(1, deploymentId);
        List<Resource> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new Resource(r.getString("deployment_id"), r.getString("name"),
                r.getString("node"), r.getInt("idx"), r.getString("cloud_id"),
                NodeState.valueOf(r.getString("state")), r.getString("private_address"),
                r.getString("public_address"), r.getString("last_step"),
                Instant.ofEpochMilli(r.getLong("updated"))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void removeResource(String deploymentId, String name) throws StoreException {
    run("forget node " + name, c -> {
      try (PreparedStatement d = c.prepareStatement(
          "DELETE FROM resources WHERE deployment_id = ? AND name = ?")) {
        d.setString(1, deploymentId);
        d.setString(2, name);
        d.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void close() {
    // connections are per call
  }

  private static String json(Map<String, String> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> map(String json) throws SQLException {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^;&]*", "password=***");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
