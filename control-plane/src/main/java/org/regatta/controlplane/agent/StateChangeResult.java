package org.regatta.controlplane.agent;

/** The outcome of asking a task to move to a state: moves are values, never exceptions. */
public enum StateChangeResult {
  /** The task is now in the requested state. */
  SUCCESS,
  /** The task was already in the requested state; nothing changed. */
  NOOP,
  /** The lifecycle forbids the move (e.g. out of a terminal state); nothing changed. */
  ILLEGAL
}
