package io.jenkins.plugins.parallelagents.train;

import io.jenkins.plugins.parallelagents.merge.Combination;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.TestFailurePolicy;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tests what the merge train combined and, when the test is red and the plan ejects, finds the task
 * (or pair) that breaks it, sets it aside, merges the rest again and tests that, within the plan's
 * budget of test runs. One instance per test phase; not thread-safe.
 */
public final class TestAndEject {

  private final MergeTrain train;
  private final CombinedTestCommand test;
  private final Function<String, Path> logs;
  private final List<TestRun> runs = new ArrayList<>();
  private final Map<String, CombinedTestCommand.Result> byCommit = new HashMap<>();
  private int budget;
  private CombinedTestCommand.Result cancelled;

  /**
   * @param logs the log file of a run-level step by name ({@code test}, {@code test-2}, ...)
   */
  public TestAndEject(MergeTrain train, CombinedTestCommand test, Function<String, Path> logs) {
    this.train = train;
    this.test = test;
    this.logs = logs;
  }

  /**
   * What the test phase gave: the combination it ends with (the one to publish when the test
   * passed) and the test report.
   */
  public record Tested(MergeOutcome merge, TestReport test) {}

  /**
   * Tests {@code merged}, the train's outcome on {@code branches} from {@code start}.
   *
   * @param branches every branch given to the train, in merge order
   */
  public Tested run(String start, List<TaskBranch> branches, MergeOutcome merged) {
    Integer planned = train.settings().maxTestRuns();
    budget = planned != null ? planned : defaultBudget(merged.merged().size());
    MergeOutcome outcome = merged;
    CombinedTestCommand.Result result =
        probe(outcome.commit(), outcome.merged(), "everything merged").orElse(cancelled);
    List<SetAside> ejected = new ArrayList<>();
    String stopped = null;
    while (!result.passed()
        && cancelled == null
        && train.settings().onTestFailure() == TestFailurePolicy.EJECT
        && !outcome.merged().isEmpty()) {
      List<TaskBranch> in = inOrder(branches, outcome.merged());
      Optional<CulpritSearch.Culprit> found =
          new CulpritSearch(this::probe, train::combine).find(start, in, outcome.heads(), result);
      if (found.isEmpty()) {
        stopped = outOfRuns();
        break;
      }
      CulpritSearch.Culprit culprit = found.get();
      if (culprit.startIsRed()) {
        stopped =
            "the test fails on the integration start alone (the base and the foundation, no"
                + " task merged): no task is to blame, none was set aside";
        break;
      }
      SetAside out = ejection(culprit);
      ejected.add(out);
      int at = outcome.merged().indexOf(culprit.task().taskId());
      String prefix = at == 0 ? start : outcome.heads().get(outcome.merged().get(at - 1));
      MergeOutcome earlier = outcome;
      outcome =
          train.mergeOnto(
              prefix,
              in.subList(at + 1, in.size()),
              () -> Combination.continuing(earlier, at, List.of(out)));
      if (outcome.commit() == null || outcome.merged().isEmpty()) {
        stopped = "every task was set aside; nothing is left to test";
        break;
      }
      Optional<CombinedTestCommand.Result> next =
          probe(outcome.commit(), outcome.merged(), "without " + quoted(culprit.task()));
      if (next.isEmpty()) {
        stopped = outOfRuns();
        break;
      }
      result = next.get();
    }
    if (outcome.commit() != null) {
      train.moveIntegrationBranch(outcome.commit());
    }
    return new Tested(outcome, report(result, ejected, stopped));
  }

  /**
   * The runs a search over {@code tasks} tasks needs, the first and the last run included: two
   * bisections over the merge order, one run of the culprit alone, and the run without it.
   */
  static int defaultBudget(int tasks) {
    int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, tasks) - 1);
    return 3 + 2 * log2;
  }

  /**
   * Tests one combination, once: empty when the budget is spent or the run was cancelled (a
   * cancelled test says nothing about the combination).
   */
  private Optional<CombinedTestCommand.Result> probe(
      String commit, List<String> tasks, String purpose) {
    CombinedTestCommand.Result known = byCommit.get(commit);
    if (known != null) {
      return Optional.of(known);
    }
    if (runs.size() >= budget || cancelled != null) {
      return Optional.empty();
    }
    int n = runs.size() + 1;
    train.tree().checkOut(commit);
    CombinedTestCommand.Result result =
        test.run(train.tree().folder(), logs.apply(n == 1 ? "test" : "test-" + n));
    if (!result.cancelled()) {
      byCommit.put(commit, result);
    } else {
      cancelled = result;
    }
    runs.add(
        new TestRun(
            tasks,
            commit,
            result.status(),
            result.durationMs(),
            result.failure() == null ? List.of() : result.failure().failingTests(),
            purpose,
            result.ports()));
    return result.cancelled() ? Optional.empty() : Optional.of(result);
  }

  private static SetAside ejection(CulpritSearch.Culprit culprit) {
    String id = culprit.task().taskId();
    List<String> with = culprit.partner() == null ? List.of() : List.of(culprit.partner().taskId());
    String reason =
        culprit.partner() == null
            ? quoted(culprit.task()) + " breaks the combined test"
            : quoted(culprit.task())
                + " and "
                + quoted(culprit.partner())
                + " break the combined test together (each passes without the other); "
                + quoted(culprit.task())
                + ", merged later, was set aside";
    if (!culprit.failingTests().isEmpty()) {
      reason += "; failing: " + String.join(", ", culprit.failingTests());
    }
    return new SetAside(id, SetAsideCause.EJECTED, List.of(), with, culprit.failingTests(), reason);
  }

  private String outOfRuns() {
    if (cancelled != null) {
      return "the run was cancelled";
    }
    return "the search for what broke the combined test stopped after "
        + runs.size()
        + " test runs (merge.maxTestRuns)";
  }

  private TestReport report(
      CombinedTestCommand.Result last, List<SetAside> ejected, String stopped) {
    long total = runs.stream().mapToLong(TestRun::durationMs).sum();
    String reason = last.reason();
    if (last.passed() && !ejected.isEmpty()) {
      reason =
          "passed without "
              + String.join(", ", ejected.stream().map(e -> "'" + e.task() + "'").toList());
    } else if (stopped != null) {
      reason = reason + "; " + stopped;
    }
    return new TestReport(
        test.command(),
        last.status(),
        last.exitCode(),
        total,
        reason,
        test.setup(),
        last.passed() ? null : last.failure(),
        runs,
        last.ports());
  }

  private static List<TaskBranch> inOrder(List<TaskBranch> branches, List<String> ids) {
    return branches.stream().filter(b -> ids.contains(b.taskId())).toList();
  }

  private static String quoted(TaskBranch task) {
    return "'" + task.taskId() + "'";
  }
}
