package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.RepositoryLock;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.lifecycle.RetentionRules.Verdict;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Removes old runs of a repository without losing work (see {@link RunRemoval}), and the work saved
 * from runs removed longer ago than {@code keepSnapshotsDays}. A run in progress is never removed.
 *
 * <p>Every method returns what it did, one entry per run; nothing is printed.
 */
public final class Retention {

  private final StateRoot root;
  private final Git git;
  private final Path userRepository;
  private final Clock clock;

  /**
   * @param git a hardened git ({@code GitEnvironment.hardened}): the run's trees are agents' work
   * @param userRepository the top folder of the user's checkout, which holds the run's branches
   */
  public Retention(StateRoot root, Git git, Path userRepository, Clock clock) {
    this.root = root;
    this.git = git;
    this.userRepository = userRepository;
    this.clock = clock;
  }

  /**
   * The clean at the end of a run: applies the plan's retention to the other runs of the
   * repository. The finished run itself is kept.
   *
   * @return what was removed and kept, one entry per run
   */
  public static List<CleanedRun> afterRun(
      StateRoot root,
      Git git,
      Path userRepository,
      CleanupSettings settings,
      String finishedRunId) {
    return new Retention(root, git, userRepository, Clock.systemUTC())
        .applyRetention(settings, finishedRunId, false);
  }

  /**
   * Removes the runs beyond {@code keepRuns} or older than {@code keepDays}, and expires old
   * snapshots.
   *
   * @param finishing a run to keep whatever its age (the one just ending), or {@code null}
   */
  public List<CleanedRun> applyRetention(
      CleanupSettings settings, String finishing, boolean dryRun) {
    Instant now = clock.instant();
    List<RunEntry> runs = new RunCatalog(root).list();
    return carryOut(RetentionRules.retention(runs, settings, now, finishing), settings, dryRun);
  }

  /** Removes every run that is over, and the databases of runs whose folder is gone. */
  public List<CleanedRun> cleanAll(CleanupSettings settings, boolean dryRun) {
    List<RunEntry> runs = new RunCatalog(root).list();
    List<CleanedRun> done =
        new ArrayList<>(
            carryOut(
                RetentionRules.all(runs, "every finished run was asked for"), settings, dryRun));
    done.addAll(LeftDatabases.drop(root, git.runner(), dryRun));
    return done;
  }

  /**
   * Removes the runs named, unless one is in progress.
   *
   * @throws IllegalArgumentException naming the first id that is no run of this repository
   */
  public List<CleanedRun> clean(List<String> runIds, CleanupSettings settings, boolean dryRun) {
    Map<String, RunEntry> runs =
        new RunCatalog(root)
            .list().stream().collect(Collectors.toMap(RunEntry::id, Function.identity()));
    List<RunEntry> chosen = new ArrayList<>();
    for (String id : runIds) {
      RunEntry run = RunIds.isValid(id) ? runs.get(id) : null;
      if (run == null) {
        throw new IllegalArgumentException("no run '" + id + "' in " + root.root().resolve("runs"));
      }
      chosen.add(run);
    }
    return carryOut(RetentionRules.all(chosen, "asked for by name"), settings, dryRun);
  }

  private List<CleanedRun> carryOut(
      List<Verdict> verdicts, CleanupSettings settings, boolean dryRun) {
    RunRemoval removal = new RunRemoval(root, git, userRepository);
    Instant now = clock.instant();
    List<CleanedRun> done = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      RunEntry run = verdict.run();
      if (verdict.action() != Action.REMOVE) {
        done.add(new CleanedRun(run.id(), Action.KEEP, verdict.reason(), List.of(), dryRun));
      } else if (dryRun) {
        done.add(removal.preview(run, verdict.reason()));
      } else {
        done.add(removeLocked(removal, run, verdict.reason(), now));
      }
    }
    done.addAll(expire(settings, now, dryRun));
    return done;
  }

  /**
   * Removes a run holding the repository's lock, as runs hold it to write there: a run resumed
   * since the verdict is in progress again, and is kept.
   */
  private CleanedRun removeLocked(RunRemoval removal, RunEntry run, String reason, Instant now) {
    try (RepositoryLock.Held held = new RepositoryLock(root.repositoryLock()).acquire()) {
      Optional<RunEntry> current = new RunCatalog(root).find(run.id());
      if (current.isPresent() && current.get().inProgress()) {
        return new CleanedRun(run.id(), Action.KEEP, "it is running again", List.of(), false);
      }
      return removal.remove(run, reason, now);
    }
  }

  /**
   * Records the work saved from a run that was removed elsewhere (a CI node's workspace, whose
   * folders are laid out otherwise), so that it expires as the work this class saves does.
   *
   * @param runFolder the run's folder, whose reports (if any) are kept with the record
   */
  public void recordSaved(String runId, Path runFolder, List<SavedWork> saved) throws IOException {
    new SnapshotArchive(root).archive(runId, runFolder, clock.instant(), saved);
  }

  /** Drops the saved work of runs removed more than {@code keepSnapshotsDays} ago. */
  public List<CleanedRun> expireSnapshots(CleanupSettings settings) {
    return expire(settings, clock.instant(), false);
  }

  /** Drops the snapshots and archived reports of runs whose work was saved too long ago. */
  private List<CleanedRun> expire(CleanupSettings settings, Instant now, boolean dryRun) {
    SnapshotArchive archive = new SnapshotArchive(root);
    Instant oldest = now.minus(Duration.ofDays(settings.keepSnapshotsDays()));
    List<CleanedRun> expired = new ArrayList<>();
    for (SnapshotArchive.Saved saved : archive.list()) {
      if (saved.savedAt() == null || !saved.savedAt().isBefore(oldest)) {
        continue;
      }
      String reason = "its saved work is older than " + settings.keepSnapshotsDays() + " days";
      if (!dryRun) {
        new SnapshotStore(git, userRepository).drop(saved.runId());
        archive.remove(saved.runId());
      }
      expired.add(new CleanedRun(saved.runId(), Action.EXPIRE, reason, saved.saved(), dryRun));
    }
    return expired;
  }
}
