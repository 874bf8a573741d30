package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regatta.controlplane.agent.daemon.MasterClient.Delivery;
import org.regatta.controlplane.agent.daemon.MasterClient.Outcome;

@Timeout(30)
class MasterClientTest {

  private static final String PATH = "/internal/status";
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  private static MasterClient client(FakeMaster... masters) {
    return new MasterClient(Arrays.stream(masters).map(m -> URI.create(m.url() + "/")).toList(),
        HttpClient.newHttpClient(), Duration.ofSeconds(2));
  }

  private static Delivery post(MasterClient c) {
    return c.post(PATH, BODY, Map.of("X-Regatta-Agent", "a-1"));
  }

  @Test
  void theFirstMasterThatAcceptsBecomesTheLeader() throws IOException {
    try (FakeMaster a = FakeMaster.leader(); FakeMaster b = FakeMaster.leader()) {
      MasterClient c = client(a, b);
      Delivery d = post(c);
      assertEquals(Outcome.ACCEPTED, d.outcome());
      assertEquals(200, d.status());
      assertEquals(Optional.of(URI.create(a.url())), c.leader());
      assertEquals("a-1", a.requests(PATH).get(0).agentHeader());
      assertEquals(0, b.requests().size());
    }
  }

  @Test
  void aFollowerIsFollowedAndAMasterWithoutLeaderSkipped() throws IOException {
    try (FakeMaster leader = FakeMaster.leader();
        FakeMaster follower = FakeMaster.redirectingTo(leader);
        FakeMaster none = FakeMaster.answering(503)) {
      MasterClient c = client(none, follower);
      Delivery d = post(c);
      assertEquals(Outcome.ACCEPTED, d.outcome());
      assertEquals(URI.create(leader.url() + PATH), d.master());
      assertEquals(Optional.of(URI.create(leader.url())), c.leader());
      assertEquals("{}", leader.requests(PATH).get(0).body(), "the body survives the redirect");
      assertEquals("a-1", leader.requests(PATH).get(0).agentHeader());

      post(c);
      assertEquals(1, none.requests().size(), "the leader is asked first now");
      assertEquals(1, follower.requests().size());
      assertEquals(2, leader.requests().size());
    }
  }

  @Test
  void aRefusalIsFinalAndTriesNoOtherMaster() throws IOException {
    try (FakeMaster strict = FakeMaster.answering(400); FakeMaster other = FakeMaster.leader()) {
      Delivery d = post(client(strict, other));
      assertEquals(Outcome.REJECTED, d.outcome());
      assertEquals(400, d.status());
      assertTrue(d.detail().contains("HTTP 400"), d.detail());
      assertEquals(0, other.requests().size());
    }
  }

  @Test
  void aMasterThatDoesNotKnowTheAgentYetIsAskedAgainLater() throws IOException {
    try (FakeMaster unsure = FakeMaster.answering(409); FakeMaster other = FakeMaster.leader()) {
      Delivery d = post(client(unsure, other));
      assertEquals(Outcome.ACCEPTED, d.outcome(), "409 is no refusal: the next master is asked");
      assertEquals(1, other.requests().size());
    }
    try (FakeMaster unsure = FakeMaster.answering(404)) {
      Delivery d = post(client(unsure));
      assertEquals(Outcome.UNREACHABLE, d.outcome(), "retried later, not dropped");
      assertTrue(d.detail().contains("HTTP 404"), d.detail());
    }
  }

  @Test
  void noMasterReachableNamesEachAndForgetsTheLeader() throws IOException {
    try (FakeMaster a = FakeMaster.leader(); FakeMaster loop = FakeMaster.leader()) {
      MasterClient c = client(a, loop);
      post(c);
      a.stop();
      loop.redirectTo(loop.url());
      Delivery d = post(c);
      assertEquals(Outcome.UNREACHABLE, d.outcome());
      assertTrue(d.detail().contains(a.url() + PATH + ": "), d.detail());
      assertTrue(d.detail().contains(loop.url() + PATH + ": HTTP 307 (redirect not followed)"),
          d.detail());
      assertEquals(1 + MasterClient.MAX_REDIRECTS, loop.requests().size(), "a loop ends");
      assertEquals(Optional.empty(), c.leader());
    }
  }

  @Test
  void aMasterUrlNeedsSchemeAndHost() {
    assertEquals(URI.create("http://m:8080"), MasterClient.origin(URI.create("http://m:8080/x/")));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new MasterClient(List.of(URI.create("m:8080")),
            HttpClient.newHttpClient(), Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("needs a scheme and host"), e.getMessage());
  }
}
