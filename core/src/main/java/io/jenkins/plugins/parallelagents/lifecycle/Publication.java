package io.jenkins.plugins.parallelagents.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One publication of this tool: a commit it put on a target branch, or set out to.
 *
 * @param target the branch published to
 * @param destination the push URL, or {@link #LOCAL} for the repository's own branch
 * @param plan the name of the plan whose run published it
 * @param runId the run that published it
 * @param commit the commit the target was set to
 * @param state {@code INTENT} from just before the push until it is confirmed: a run killed in
 *     between may still have moved the target to {@code commit}
 * @param at when the state was recorded
 */
public record Publication(
    String target,
    String destination,
    String plan,
    String runId,
    String commit,
    State state,
    Instant at) {

  /** The destination of a publication that moved the local branch only. */
  public static final String LOCAL = "local";

  /** Whether the publication was seen through. */
  public enum State {
    INTENT,
    CONFIRMED
  }

  public Publication {
    Objects.requireNonNull(target);
    Objects.requireNonNull(destination);
    Objects.requireNonNull(plan);
    Objects.requireNonNull(runId);
    Objects.requireNonNull(commit);
    Objects.requireNonNull(state);
    Objects.requireNonNull(at);
  }

  /** The destination for a push URL, or {@link #LOCAL} when there is none. */
  public static String destination(String pushUrl) {
    return pushUrl == null ? LOCAL : pushUrl;
  }

  boolean sameTarget(Publication other) {
    return target.equals(other.target) && destination.equals(other.destination);
  }

  Publication confirmed(Instant when) {
    return new Publication(target, destination, plan, runId, commit, State.CONFIRMED, when);
  }
}
