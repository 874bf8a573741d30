package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random clusters, two rounds each (the second on the view the first left): no agent
 * over-committed, no port used twice, every constraint held when its task was placed, each
 * placement on a least-loaded agent that takes it, each unplaced task placeable nowhere and
 * explained, DRF shares as held, and the same input giving the same result.
 */
class SchedulerInvariantsTest {

  static LongStream smallSeeds() {
    return LongStream.range(0, 500);
  }

  static LongStream largeSeeds() {
    return LongStream.range(10_000, 10_020);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("smallSeeds")
  void smallClusters(long seed) {
    run(seed, 10);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void largerClusters(long seed) {
    run(seed, 60);
  }

  private static void run(long seed, int size) {
    Random rnd = new Random(seed);
    RandomCluster cluster = new RandomCluster(rnd, size);
    Scheduler scheduler = new Scheduler(
        FairShareWeights.of(1 + rnd.nextInt(3), 1 + rnd.nextInt(3)));
    ClusterView view = cluster.view();
    for (int round = 0; round < 2; round++) {
      String ctx = "seed " + seed + " round " + round;
      List<TaskRequest> pending = cluster.pending(Fixtures.NOW);
      SchedulingResult result = scheduler.schedule(view, pending, Fixtures.NOW);
      Oracle.check(ctx, view, pending, Fixtures.NOW, result);
      assertEquals(result, scheduler.schedule(view, pending, Fixtures.NOW),
          ctx + ": the same input gave another result");
      view = Oracle.apply(view, result);
    }
  }
}
