package org.regatta.orchestrator.deploy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regatta.tosca.model.Value;

/** Secrets generated once per deployment and kept with its inputs. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A password: 24 URL-safe characters (144 bits). */
  public static String password() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Consul's gossip encryption key: 32 random bytes, base64. */
  public static String gossipKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * The inputs to store for a new deployment: given and default values as text, a generated
   * password for each secret input nobody gave, and the cluster's internal secrets.
   */
  public static Map<String, String> forNewDeployment(Map<String, Value> resolvedInputs) {
    Map<String, String> out = new LinkedHashMap<>();
    resolvedInputs.forEach((k, v) -> out.put(k, v instanceof Value.Generated ? password()
        : Attributes.text(v)));
    out.put(RoleVars.CONSUL_ENCRYPT, gossipKey());
    return out;
  }

  /** The stored inputs a template declares (internal secrets left out), to load it again. */
  public static Map<String, String> templateInputs(Map<String, String> stored) {
    Map<String, String> out = new LinkedHashMap<>(stored);
    out.keySet().removeIf(k -> k.startsWith(RoleVars.SECRET_PREFIX));
    return out;
  }
}
