package org.regatta.provisioner.cloud;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;
import org.jclouds.rest.InsufficientResourcesException;

/**
 * The one place where what a cloud threw becomes a sentence for the user: which cloud, which
 * node, and a cause they can act on (credentials, quota, image, reachability).
 */
final class CloudErrors {

  private static final Pattern QUOTA = Pattern.compile(
      "quota|limitexceeded|limit exceeded|overlimit|over limit|exceeded .*limit|insufficient",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern IMAGE = Pattern.compile(
      "invalidamiid|image .*(not found|could not be found|does not exist)|no such image"
          + "|image.*notfound|imageid\\(.*\\) not found", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH = Pattern.compile(
      "authfailure|unauthorized|invalidclienttokenid|signaturedoesnotmatch|invalid_client"
          + "|invalid_grant|unauthorized_client|authentication failed",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SERVER_MESSAGE = Pattern.compile(
      "\"message\"\\s*:\\s*\"([^\"]{1,300})\"|<Message>([^<]{1,300})</Message>"
          + "|\"error_description\"\\s*:\\s*\"([^\"]{1,300})\"|message='([^']{1,300})'");

  private CloudErrors() {}

  /** "cloud 'x': cannot create node n: cause." */
  static String forNode(CloudConfig cloud, String node, Throwable error) {
    return "cloud '" + cloud.name() + "' (" + cloud.provider().id() + "): cannot create node "
        + node + ": " + cause(cloud, error) + ".";
  }

  /** A CloudException for an operation that is not about one node ("list deployment d1"). */
  static CloudException exception(CloudConfig cloud, String what, Throwable error) {
    return new CloudException("cloud '" + cloud.name() + "' (" + cloud.provider().id()
        + "): cannot " + what + ": " + cause(cloud, error) + ".", error);
  }

  /** The cause as a phrase without a final period. */
  static String cause(CloudConfig cloud, Throwable error) {
    List<Throwable> chain = chain(error);
    for (Throwable t : chain) {
      if (t instanceof CloudException) {
        return stripPeriod(t.getMessage());
      }
    }
    String text = allText(chain);
    if (chain.stream().anyMatch(t -> t instanceof ConnectException
        || t instanceof NoRouteToHostException || t instanceof UnknownHostException
        || t instanceof SocketTimeoutException && !(t.getMessage() + "").contains("Read"))) {
      return unreachable(cloud, rootMessage(chain));
    }
    Integer status = status(chain);
    String server = serverMessage(chain);
    if (chain.stream().anyMatch(t -> t instanceof InsufficientResourcesException)
        || QUOTA.matcher(text).find() || status != null && status == 413) {
      return "quota exceeded" + detail(server);
    }
    if (IMAGE.matcher(text).find()) {
      return "unknown image" + detail(server);
    }
    if (chain.stream().anyMatch(t -> t instanceof AuthorizationException)
        || status != null && (status == 401 || status == 403) || AUTH.matcher(text).find()) {
      return "authentication failed (" + (server == null ? "" : server + "; ")
          + "check identity and credential of cloud '" + cloud.name() + "' in "
          + cloud.source() + ")";
    }
    return server != null ? server : rootMessage(chain);
  }

  private static String unreachable(CloudConfig cloud, String detail) {
    String endpoint = cloud.endpoint() == null ? cloud.provider().id() : cloud.endpoint();
    if (cloud.provider() == Provider.LOCAL) {
      return "the Docker engine at " + endpoint + " is not reachable (" + detail
          + "); run bin/setup";
    }
    return endpoint + " is not reachable (" + detail + ")";
  }

  private static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String allText(List<Throwable> chain) {
    StringBuilder b = new StringBuilder();
    for (Throwable t : chain) {
      b.append(t.getMessage()).append('\n');
      if (t instanceof HttpResponseException h && h.getContent() != null) {
        b.append(h.getContent()).append('\n');
      }
    }
    return b.toString();
  }

  private static Integer status(List<Throwable> chain) {
    for (Throwable t : chain) {
      if (t instanceof HttpResponseException h && h.getResponse() != null) {
        return h.getResponse().getStatusCode();
      }
    }
    return null;
  }

  /** The server's own message (JSON "message", XML Message, OAuth error_description). */
  private static String serverMessage(List<Throwable> chain) {
    for (Throwable t : chain) {
      String content = t instanceof HttpResponseException h && h.getContent() != null
          ? h.getContent() + "\n" + t.getMessage() : t.getMessage();
      if (content == null) {
        continue;
      }
      Matcher m = SERVER_MESSAGE.matcher(content);
      if (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            return oneLine(m.group(g));
          }
        }
      }
    }
    return null;
  }

  private static String detail(String server) {
    return server == null ? "" : ": " + server;
  }

  private static String rootMessage(List<Throwable> chain) {
    Throwable root = chain.get(chain.size() - 1);
    String m = root.getMessage();
    return m == null || m.isBlank() ? root.getClass().getSimpleName() : oneLine(m);
  }

  static String oneLine(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    one = stripPeriod(one);
    return one.length() > 300 ? one.substring(0, 297) + "..." : one;
  }

  private static String stripPeriod(String s) {
    String t = s.trim();
    while (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  static boolean isNotFound(Throwable error) {
    for (Throwable t : chain(error)) {
      if (t instanceof org.jclouds.rest.ResourceNotFoundException
          || t instanceof HttpResponseException h && h.getResponse() != null
              && h.getResponse().getStatusCode() == 404
          || t.getMessage() != null
              && t.getMessage().toLowerCase(Locale.ROOT).contains("no such container")) {
        return true;
      }
    }
    return false;
  }
}
