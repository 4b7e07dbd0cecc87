package io.jenkins.plugins.parallelagents.run;

import java.util.Objects;
import java.util.Set;

/**
 * How a run goes on from an earlier run of the same id, keeping what that run finished: agents cost
 * time and money, and a run that failed half-way should not pay for its finished tasks twice.
 *
 * @param kind what the user asked for
 * @param redo tasks to run again whatever they left (with {@link Kind#RETRY}); their dependants run
 *     again too
 */
public record Continuation(Kind kind, Set<String> redo) {

  /** What a continuation runs again. */
  public enum Kind {
    /**
     * Tasks that did not finish (interrupted, cancelled, never started) and tasks whose definition
     * changed in the plan run again; finished ones are kept.
     */
    RESUME,
    /** As {@link #RESUME}, and the named tasks run again too. */
    RETRY,
    /** No agent runs: the task branches as they are now are merged, tested and published. */
    MERGE
  }

  public Continuation {
    Objects.requireNonNull(kind);
    redo = Set.copyOf(redo);
  }

  public static Continuation resume() {
    return new Continuation(Kind.RESUME, Set.of());
  }

  public static Continuation retry(Set<String> tasks) {
    return new Continuation(Kind.RETRY, tasks);
  }

  public static Continuation merge() {
    return new Continuation(Kind.MERGE, Set.of());
  }
}
