package org.regatta.controlplane.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One agent's free resources during a round; each placement of the round is taken off here. */
final class AgentSlot {

  /** Slack for sums of fractional cpus (0.1 + 0.2); far below any real ask. */
  static final double EPSILON = 1e-9;

  /** Least loaded first; the agent id breaks ties so that rounds are deterministic. */
  static final Comparator<AgentSlot> LEAST_LOADED =
      Comparator.comparingDouble(AgentSlot::load).thenComparing(s -> s.agent.id());

  final Agent agent;
  /** Position in the view, for per-agent caches held in arrays. */
  final int index;
  private final List<PortRange> ranges;
  private final Set<Integer> usedPorts;
  private double freeCpus;
  private double freeMem;
  private double freeDisk;
  private int freeGpus;
  private int freePorts;
  private int cursorRange;
  private int cursorPort;
  private double load;

  AgentSlot(Agent agent, int index, Collection<Integer> portsOfRunningTasks) {
    this.agent = agent;
    this.index = index;
    Resources total = agent.total();
    Resources used = agent.used();
    freeCpus = total.cpus() - used.cpus();
    freeMem = total.memMb() - used.memMb();
    freeDisk = total.diskMb() - used.diskMb();
    freeGpus = total.gpus() - used.gpus();
    ranges = new ArrayList<>(total.ports());
    ranges.sort(Comparator.comparingInt(PortRange::begin));
    usedPorts = new HashSet<>(agent.portsInUse());
    usedPorts.addAll(portsOfRunningTasks);
    usedPorts.remove(0);
    freePorts = total.portCount();
    for (int p : usedPorts) {
      if (inRanges(p)) {
        freePorts--;
      }
    }
    cursorPort = ranges.isEmpty() ? 0 : ranges.get(0).begin();
    load = computeLoad();
  }

  double load() {
    return load;
  }

  /** The value a constraint on {@code field} sees on this agent; null when it has none. */
  String value(String field) {
    return Constraint.isHostnameField(field) ? agent.hostname() : agent.attributes().get(field);
  }

  /**
   * Whether the ask fits in what is left. Without a tally it stops at the first misfit; with one
   * it records every misfit cause of this agent.
   */
  boolean admits(Ask ask, Tally tally) {
    Resources r = ask.resources;
    boolean fits = true;
    if (r.cpus() > freeCpus + EPSILON) {
      if (tally == null) {
        return false;
      }
      fits = tally.add("insufficient cpus");
    }
    if (r.memMb() > freeMem + EPSILON) {
      if (tally == null) {
        return false;
      }
      fits = tally.add("insufficient mem");
    }
    if (r.diskMb() > freeDisk + EPSILON) {
      if (tally == null) {
        return false;
      }
      fits = tally.add("insufficient disk");
    }
    if (r.gpus() > freeGpus) {
      if (tally == null) {
        return false;
      }
      fits = tally.add("insufficient gpus");
    }
    int fixedFree = 0;
    for (int p : ask.fixedPorts) {
      String misfit = null;
      if (!inRanges(p)) {
        misfit = "port " + p + " outside the agent's port ranges";
      } else if (usedPorts.contains(p)) {
        misfit = "port " + p + " in use";
      } else {
        fixedFree++;
      }
      if (misfit != null) {
        if (tally == null) {
          return false;
        }
        fits = tally.add(misfit);
      }
    }
    if (ask.dynamicPorts > freePorts - fixedFree) {
      if (tally == null) {
        return false;
      }
      fits = tally.add("insufficient ports");
    }
    return fits;
  }

  /**
   * Takes the ask off this agent and returns its host ports in the task's order: the fixed ones
   * as asked, the others the lowest free ones after the last port this round handed out.
   */
  List<Integer> allocate(Ask ask) {
    Resources r = ask.resources;
    freeCpus -= r.cpus();
    freeMem -= r.memMb();
    freeDisk -= r.diskMb();
    freeGpus -= r.gpus();
    for (int p : ask.fixedPorts) {
      usedPorts.add(p);
      freePorts--;
    }
    List<Integer> ports = new ArrayList<>(ask.task.hostPorts().size());
    for (int p : ask.task.hostPorts()) {
      ports.add(p != 0 ? p : nextFreePort());
    }
    load = computeLoad();
    return ports;
  }

  String stateCause() {
    return "agent " + agent.state().name().toLowerCase(Locale.ROOT);
  }

  private int nextFreePort() {
    int n = ranges.size();
    for (int step = 0; step <= n; step++) {
      int ri = (cursorRange + step) % n;
      PortRange range = ranges.get(ri);
      int from = step == 0 ? Math.max(cursorPort, range.begin()) : range.begin();
      for (int p = from; p <= range.end(); p++) {
        if (usedPorts.add(p)) {
          freePorts--;
          cursorRange = ri;
          cursorPort = p + 1;
          return p;
        }
      }
    }
    throw new IllegalStateException("agent " + agent.id() + " counted a free port it lacks");
  }

  private boolean inRanges(int port) {
    for (PortRange range : ranges) {
      if (range.contains(port)) {
        return true;
      }
    }
    return false;
  }

  /** The largest fraction used of any resource the agent has: its dominant utilisation. */
  private double computeLoad() {
    Resources total = agent.total();
    double l = 0;
    l = Math.max(l, used(total.cpus(), freeCpus));
    l = Math.max(l, used(total.memMb(), freeMem));
    l = Math.max(l, used(total.diskMb(), freeDisk));
    l = Math.max(l, used(total.gpus(), freeGpus));
    return l;
  }

  private static double used(double total, double free) {
    return total > 0 ? (total - free) / total : 0;
  }
}
