package io.jenkins.plugins.parallelagents.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

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

  /** The user information of a URL ({@code user:token@}): credentials, never the remote's name. */
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");

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

  /**
   * The destination for a push URL, or {@link #LOCAL} when there is none. A URL's credentials are
   * left out: the record is a file on disk, and a rotated token still names the same remote.
   */
  public static String destination(String pushUrl) {
    return pushUrl == null ? LOCAL : USER_INFO.matcher(pushUrl).replaceFirst("$1");
  }

  boolean sameTarget(Publication other) {
    return target.equals(other.target) && destination.equals(other.destination);
  }

  Publication confirmed(Instant when) {
    return new Publication(target, destination, plan, runId, commit, State.CONFIRMED, when);
  }
}
