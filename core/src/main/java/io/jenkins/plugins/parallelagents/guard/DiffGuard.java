package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.agent.AttemptResult;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.PlanSize;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks what a task's work added before the work is used: secrets in added lines, build and log
 * artefacts, files over the size limit. Agents are not trusted to leave those out, and a merged,
 * pushed secret cannot be taken back.
 */
public final class DiffGuard {

  /** How many findings a reason lists before it only counts the rest. */
  private static final int LISTED = 5;

  private DiffGuard() {}

  /**
   * What the commits from {@code from} to {@code to} added that they must not.
   *
   * @param repo any worktree of the repository holding both commits
   * @param redactor knows the run's own secrets: an added line it would mask holds one of them
   * @return the findings, secrets first; empty when the work is clean
   */
  public static List<Finding> check(
      Git git, Path repo, String from, String to, GuardSettings settings, Redactor redactor) {
    AddedWork work = new AddedWork(git, repo, from, to);
    PathPatterns allowed = new PathPatterns(settings.allow());
    JunkFiles junk = new JunkFiles(settings.junk());
    List<AddedWork.Change> changes =
        work.changes().stream().filter(c -> allowed.firstMatch(c.path()) == null).toList();
    List<String> added =
        changes.stream().filter(c -> c.status() == 'A').map(AddedWork.Change::path).toList();
    List<Finding> findings = new ArrayList<>();
    List<String> oversized = new ArrayList<>();
    Map<String, Long> sizes = added.isEmpty() ? Map.of() : work.sizes(added);
    for (String path : added) {
      String pattern = junk.match(path);
      if (pattern != null) {
        findings.add(Finding.junk(path, pattern));
      }
      long size = sizes.getOrDefault(path, 0L);
      if (size > settings.maxFileSize()) {
        oversized.add(path);
        findings.add(
            Finding.tooLarge(path, PlanSize.format(size), PlanSize.format(settings.maxFileSize())));
      }
    }
    if (settings.secrets()) {
      List<Finding> secrets = new ArrayList<>();
      work.addedLines(
          changes,
          oversized,
          (path, number, text) ->
              SecretLines.find(text, redactor)
                  .forEach(what -> secrets.add(Finding.secret(path, number, what))));
      // Secrets first: they are what a reader must act on.
      findings.addAll(0, secrets);
    }
    return findings;
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
        reason(findings));
  }

  /** One line: the first findings, then how many more. */
  static String reason(List<Finding> findings) {
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
