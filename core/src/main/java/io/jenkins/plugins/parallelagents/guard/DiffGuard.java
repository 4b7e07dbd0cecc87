package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.agent.AttemptResult;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks what a task's work added before the work is used: secrets in added lines, file names and
 * commit texts, build and log artefacts, new or grown files over the size limit. Agents are not
 * trusted to leave those out, and a merged, pushed secret cannot be taken back.
 */
public final class DiffGuard {

  /** How many findings a reason lists before it only counts the rest. */
  private static final int LISTED = 5;

  private DiffGuard() {}

  /**
   * What the commits from {@code from} to {@code to} added that they must not: in the new and
   * changed files (names, sizes, added lines) and in the text of every new commit (message, author,
   * committer).
   *
   * @param repo any worktree of the repository holding both commits
   * @param redactor knows the run's own secrets: an added line, file name or commit text it would
   *     mask holds one of them
   * @return the findings, secrets first; empty when the work is clean
   */
  public static List<Finding> check(
      Git git, Path repo, String from, String to, GuardSettings settings, Redactor redactor) {
    List<String> commits = settings.secrets() ? git.commitsSince(repo, from, to) : List.of();
    try (AddedWork work = AddedWork.open(git.commonDir(repo), from, to)) {
      WorkScan scan = new WorkScan(settings, redactor);
      work.changes().forEach(change -> scan.file(work, change));
      commits.forEach(commit -> scan.commit(work, commit));
      return scan.findings();
    }
  }

  /**
   * The attempt as the guard sees it: a {@code SUCCEEDED} attempt whose work adds what it must not
   * becomes {@code FAILED}, with a reason naming every finding. Its commit is kept, so that its
   * branch still shows the work. Other attempts are returned as they are.
   *
   * @param repo any worktree of the repository holding the attempt's commits
   * @param redactor the run's redactor, which knows the environment's secrets
   */
  public static AttemptResult review(
      AttemptResult attempt, Git git, Path repo, GuardSettings settings, Redactor redactor) {
    if (attempt.status() != TaskStatus.SUCCEEDED
        || attempt.startCommit() == null
        || attempt.commit() == null) {
      return attempt;
    }
    List<Finding> findings =
        check(git, repo, attempt.startCommit(), attempt.commit(), settings, redactor);
    if (findings.isEmpty()) {
      return attempt;
    }
    return new AttemptResult(
        attempt.attempt(),
        TaskStatus.FAILED,
        null,
        attempt.durationMs(),
        attempt.startCommit(),
        attempt.commit(),
        reason(findings),
        attempt.startedAt(),
        attempt.steps(),
        attempt.setupChanged());
  }

  /** One line: the first findings, then how many more. */
  public static String reason(List<Finding> findings) {
    StringBuilder reason = new StringBuilder("the work adds what must not be committed: ");
    for (int i = 0; i < Math.min(LISTED, findings.size()); i++) {
      reason.append(i == 0 ? "" : "; ").append(findings.get(i).message());
    }
    if (findings.size() > LISTED) {
      reason.append("; and ").append(findings.size() - LISTED).append(" more");
    }
    return reason.toString();
  }
}
