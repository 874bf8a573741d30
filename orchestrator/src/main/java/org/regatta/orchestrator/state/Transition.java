package org.regatta.orchestrator.state;

/** The outcome of asking a lifecycle to move: a value, not an exception. */
public enum Transition { SUCCESS, NOOP, ILLEGAL }
