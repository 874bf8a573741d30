package org.regatta.controlplane.scheduler;

import java.util.regex.Pattern;

/** One constraint of one app, bound to that app's live counts; answers per agent. */
final class ConstraintCheck {

  private static final byte UNKNOWN = 0;
  private static final byte MATCH = 1;
  private static final byte NO_MATCH = 2;

  private final Constraint constraint;
  private final String cause;
  private final FieldCounts counts;
  private final Pattern pattern;
  /** GROUP_BY: groups that must hold tasks before one gets another; MAX_PER: the cap. */
  private final int number;
  /** LIKE/UNLIKE results per agent index: a field's value does not change during a round. */
  private final byte[] matches;

  private ConstraintCheck(Constraint constraint, FieldCounts counts, int number,
      Pattern pattern, byte[] matches) {
    this.constraint = constraint;
    this.cause = "constraint " + constraint;
    this.counts = counts;
    this.number = number;
    this.pattern = pattern;
    this.matches = matches;
  }

  /** UNIQUE, CLUSTER, GROUP_BY or MAX_PER over the app's live counts. */
  static ConstraintCheck counting(Constraint constraint, FieldCounts counts, int number) {
    return new ConstraintCheck(constraint, counts, number, null, null);
  }

  /** LIKE or UNLIKE, with a per-agent result cache shared by every app using the same regex. */
  static ConstraintCheck matching(Constraint constraint, byte[] sharedCache) {
    return new ConstraintCheck(constraint, null, 0, Pattern.compile(constraint.value()),
        sharedCache);
  }

  String cause() {
    return cause;
  }

  boolean allows(AgentSlot slot) {
    String value = slot.value(constraint.field());
    if (value == null) {
      // As in Marathon: an agent without the field passes UNLIKE only.
      return constraint.operator() == Constraint.Operator.UNLIKE;
    }
    return switch (constraint.operator()) {
      case LIKE -> matches(slot, value);
      case UNLIKE -> !matches(slot, value);
      case UNIQUE -> counts.count(value) == 0;
      case CLUSTER -> constraint.value().isEmpty()
          ? counts.count(value) == counts.total()
          : constraint.value().equals(value);
      case GROUP_BY -> {
        int here = counts.count(value);
        yield here == 0
            || (counts.groups() >= number && here == counts.smallestGroup());
      }
      case MAX_PER -> counts.count(value) < number;
    };
  }

  private boolean matches(AgentSlot slot, String value) {
    byte known = matches[slot.index];
    if (known == UNKNOWN) {
      known = pattern.matcher(value).matches() ? MATCH : NO_MATCH;
      matches[slot.index] = known;
    }
    return known == MATCH;
  }
}
