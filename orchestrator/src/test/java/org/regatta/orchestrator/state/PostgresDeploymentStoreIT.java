package org.regatta.orchestrator.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract against a real PostgreSQL server ({@code --db jdbc:postgresql:…}). The URL
 * comes from {@code -Dregatta.test.postgres}; CI starts Debian's server with a regatta database.
 */
class PostgresDeploymentStoreIT extends DeploymentStoreContract {

  static final String URL = System.getProperty("regatta.test.postgres",
      "jdbc:postgresql://127.0.0.1:5432/regatta?user=regatta&password=regatta");

  @BeforeAll
  static void serverAnswers() {
    String why = null;
    try (Connection c = DriverManager.getConnection(URL)) {
      c.isValid(2);
    } catch (SQLException e) {
      why = "no PostgreSQL at " + URL.replaceAll("password=[^&]*", "password=***") + " ("
          + e.getMessage() + "); .ci/run shows how to start one";
      System.err.println("SKIPPED PostgresDeploymentStoreIT: " + why);
    }
    Assumptions.assumeTrue(why == null, why);
  }

  @Override
  DeploymentStore store() throws StoreException {
    return JdbcDeploymentStore.open(URL, Clock.systemUTC());
  }
}
