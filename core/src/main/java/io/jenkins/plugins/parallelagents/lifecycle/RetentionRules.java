package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs a clean removes. A run still going on, and the run that is just finishing, are never
 * removed, whatever the rules say: their trees are in use.
 */
public final class RetentionRules {

  /** A decision about one run, before anything is done. */
  public record Verdict(RunEntry run, Action action, String reason) {}

  private RetentionRules() {}

  /**
   * The plan's retention: runs beyond the {@code keepRuns} newest, or that ended more than {@code
   * keepDays} ago, go.
   *
   * @param newestFirst the runs, as {@link RunCatalog#list()} gives them
   * @param finishing the run just ending (kept), or {@code null}
   */
  public static List<Verdict> retention(
      List<RunEntry> newestFirst, CleanupSettings settings, Instant now, String finishing) {
    List<Verdict> verdicts = new ArrayList<>();
    Instant oldest = now.minus(Duration.ofDays(settings.keepDays()));
    for (int i = 0; i < newestFirst.size(); i++) {
      RunEntry run = newestFirst.get(i);
      String protection = protection(run, finishing);
      if (protection != null) {
        verdicts.add(new Verdict(run, Action.KEEP, protection));
      } else if (i >= settings.keepRuns()) {
        verdicts.add(
            new Verdict(run, Action.REMOVE, "beyond the " + settings.keepRuns() + " newest runs"));
      } else if (ended(run).isBefore(oldest)) {
        verdicts.add(
            new Verdict(
                run, Action.REMOVE, "ended more than " + settings.keepDays() + " days ago"));
      } else {
        verdicts.add(
            new Verdict(
                run,
                Action.KEEP,
                "one of the "
                    + settings.keepRuns()
                    + " newest runs, ended less than "
                    + settings.keepDays()
                    + " days ago"));
      }
    }
    return verdicts;
  }

  /** Every run that is over; {@code reason} says why it was asked for. */
  public static List<Verdict> all(List<RunEntry> runs, String reason) {
    List<Verdict> verdicts = new ArrayList<>();
    for (RunEntry run : runs) {
      String protection = protection(run, null);
      verdicts.add(
          protection == null
              ? new Verdict(run, Action.REMOVE, reason)
              : new Verdict(run, Action.KEEP, protection));
    }
    return verdicts;
  }

  private static String protection(RunEntry run, String finishing) {
    if (run.id().equals(finishing)) {
      return "the run that is finishing";
    }
    if (run.inProgress()) {
      return "in progress";
    }
    return null;
  }

  /** When the run ended; a run that never recorded an end counts from its start. */
  private static Instant ended(RunEntry run) {
    if (run.finishedAt() != null) {
      return run.finishedAt();
    }
    return run.startedAt() != null ? run.startedAt() : Instant.EPOCH;
  }
}
