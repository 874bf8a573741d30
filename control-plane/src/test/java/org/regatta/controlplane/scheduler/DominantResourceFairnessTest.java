package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regatta.controlplane.scheduler.Fixtures.instances;
import static org.regatta.controlplane.scheduler.Fixtures.job;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DominantResourceFairnessTest {

  private static Map<Framework, Long> perFramework(SchedulingResult r) {
    return r.placements().stream().collect(Collectors.groupingBy(p -> p.task().framework(),
        Collectors.counting()));
  }

  private static List<TaskRequest> both(List<TaskRequest> a, List<TaskRequest> b) {
    List<TaskRequest> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Ghodsi et al., NSDI 2011, section 4: 9 CPUs, 18 GB; A asks <1 CPU, 4 GB>, B <3 CPUs, 1 GB>. */
  @Test
  void reproducesThePapersExample() {
    Agent cluster = Agent.of("a1", "a1.test", Resources.of(9, 18 * 1024, 0));
    List<TaskRequest> userA = instances(service("t", "/a", 1, 4 * 1024), 10);
    List<TaskRequest> userB = instances(job("t", "/b", 3, 1024), 10);
    SchedulingResult r = Scheduler.withEqualWeights()
        .schedule(ClusterView.of(List.of(cluster)), both(userA, userB), Fixtures.NOW);

    assertEquals(Map.of(Framework.SERVICES, 3L, Framework.JOBS, 2L), perFramework(r));
    assertEquals(2.0 / 3, r.dominantShares().get(Framework.SERVICES), 1e-12);
    assertEquals(2.0 / 3, r.dominantShares().get(Framework.JOBS), 1e-12);
    // Progressive filling: the framework with the lower dominant share goes next.
    assertEquals(List.of("/a", "/b", "/a", "/b", "/a"),
        r.placements().stream().map(p -> p.task().appId()).toList());
    assertEquals(15, r.unplaced().size());
  }

  @Test
  void weightsScaleTheShares() {
    Agent cluster = Agent.of("a1", "a1.test", Resources.of(12, 12 * 1024, 0));
    List<TaskRequest> pending = both(instances(service("t", "/s", 1, 1024), 20),
        instances(job("t", "/j", 1, 1024), 20));
    SchedulingResult r = new Scheduler(FairShareWeights.of(2, 1))
        .schedule(ClusterView.of(List.of(cluster)), pending, Fixtures.NOW);
    assertEquals(Map.of(Framework.SERVICES, 8L, Framework.JOBS, 4L), perFramework(r));
  }

  @Test
  void runningTasksCountTowardsTheShare() {
    Agent cluster = Agent.of("a1", "a1.test", Resources.of(10, 10 * 1024, 0))
        .withUsed(Resources.of(4, 4 * 1024, 0));
    RunningTask jobs = new RunningTask("old", "/j", Framework.JOBS, "a1",
        Resources.of(4, 4 * 1024, 0), List.of());
    List<TaskRequest> pending = both(instances(job("t", "/j", 1, 1024), 6),
        instances(service("t", "/s", 1, 1024), 6));
    SchedulingResult r = Scheduler.withEqualWeights()
        .schedule(new ClusterView(List.of(cluster), List.of(jobs)), pending, Fixtures.NOW);
    // Services catch up to the jobs' 40 % first, then the two alternate.
    assertEquals(Map.of(Framework.SERVICES, 5L, Framework.JOBS, 1L), perFramework(r));
    assertEquals(List.of("/s", "/s", "/s", "/s", "/s", "/j"),
        r.placements().stream().map(p -> p.task().appId()).toList());
  }

  @Test
  void aFrameworkAloneTakesWhatFits() {
    Agent cluster = Agent.of("a1", "a1.test", Resources.of(4, 4096, 0));
    SchedulingResult r = Scheduler.withEqualWeights().schedule(ClusterView.of(List.of(cluster)),
        instances(job("t", "/j", 1, 1), 6), Fixtures.NOW);
    assertEquals(4, r.placements().size());
    assertEquals(1.0, r.dominantShares().get(Framework.JOBS), 1e-12);
    assertEquals(0.0, r.dominantShares().get(Framework.SERVICES), 1e-12);
  }

  @Test
  void weightsMustCoverEveryFrameworkAndBePositive() {
    Function<Map<Framework, Double>, Exception> build = m -> org.junit.jupiter.api.Assertions
        .assertThrows(IllegalArgumentException.class, () -> new FairShareWeights(m));
    build.apply(Map.of(Framework.SERVICES, 1.0));
    build.apply(Map.of(Framework.SERVICES, 1.0, Framework.JOBS, 0.0));
    assertEquals(3.0, FairShareWeights.of(3, 1).weight(Framework.SERVICES));
  }
}
