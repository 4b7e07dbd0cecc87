package io.jenkins.plugins.parallelagents.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The search over every train of up to 9 tasks and every culprit in it, alone or in a pair. A
 * combination is named by the tasks in it ({@code "start+t1+t3"}), so that the test knows what it
 * holds without git; the engine tests run the same search on real repositories.
 */
class CulpritSearchTest {

  private static final String START = "start";

  private static List<TaskBranch> tasks(int n) {
    List<TaskBranch> tasks = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      tasks.add(
          new TaskBranch("t" + i, "t" + i, "b" + i, "c" + i, List.of(), List.of(), List.of()));
    }
    return tasks;
  }

  private static Map<String, String> heads(List<TaskBranch> tasks) {
    Map<String, String> heads = new LinkedHashMap<>();
    String head = START;
    for (TaskBranch task : tasks) {
      head = head + "+" + task.taskId();
      heads.put(task.taskId(), head);
    }
    return heads;
  }

  private static Set<String> content(String commit) {
    Set<String> in = new HashSet<>(Arrays.asList(commit.split("\\+")));
    in.remove(START);
    return in;
  }

  /** Runs the search on {@code n} tasks with {@code red} deciding each combination. */
  private static Searched search(int n, Predicate<Set<String>> red, int budget) {
    List<TaskBranch> tasks = tasks(n);
    List<String> probed = new ArrayList<>();
    CulpritSearch.Probe probe =
        (commit, names, purpose) -> {
          if (probed.size() >= budget) {
            return Optional.empty();
          }
          probed.add(commit);
          boolean failed = red.test(content(commit));
          return Optional.of(
              new CombinedTestCommand.Result(
                  failed ? TestStatus.FAILED : TestStatus.PASSED,
                  failed ? 1 : 0,
                  0,
                  null,
                  null,
                  false));
        };
    CombinedTestCommand.Result first =
        new CombinedTestCommand.Result(TestStatus.FAILED, 1, 0, null, null, false);
    Optional<CulpritSearch.Culprit> found =
        new CulpritSearch(probe, (head, task) -> head + "+" + task.taskId())
            .find(START, tasks, heads(tasks), first);
    return new Searched(found, probed);
  }

  record Searched(Optional<CulpritSearch.Culprit> culprit, List<String> probed) {}

  @Test
  void aSingleCulprit_isFoundWherever_itIs_withinTheDefaultBudget() {
    for (int n = 1; n <= 9; n++) {
      for (int k = 1; k <= n; k++) {
        String culprit = "t" + k;
        Searched searched = search(n, in -> in.contains(culprit), Integer.MAX_VALUE);

        assertThat(searched.culprit()).as("n=%d k=%d", n, k).isPresent();
        assertThat(searched.culprit().get().task().taskId())
            .as("n=%d k=%d", n, k)
            .isEqualTo(culprit);
        assertThat(searched.culprit().get().partner()).isNull();
        // the first run and the run without the culprit are the train's; the rest is the search's
        assertThat(searched.probed().size() + 2)
            .as("n=%d k=%d runs", n, k)
            .isLessThanOrEqualTo(TestAndEject.defaultBudget(n));
      }
    }
  }

  @Test
  void aPairThatOnlyFailsTogether_isNamed_laterTaskFirst() {
    for (int n = 2; n <= 9; n++) {
      for (int j = 1; j < n; j++) {
        for (int k = j + 1; k <= n; k++) {
          String a = "t" + j;
          String b = "t" + k;
          Searched searched = search(n, in -> in.contains(a) && in.contains(b), Integer.MAX_VALUE);

          String at = "n=" + n + " pair=" + a + "," + b;
          CulpritSearch.Culprit culprit = searched.culprit().orElseThrow();
          assertThat(culprit.task().taskId()).as(at).isEqualTo(b);
          assertThat(culprit.partner()).as(at).isNotNull();
          assertThat(culprit.partner().taskId()).as(at).isEqualTo(a);
          assertThat(searched.probed().size() + 2)
              .as(at + " runs")
              .isLessThanOrEqualTo(TestAndEject.defaultBudget(n));
        }
      }
    }
  }

  @Test
  void aStartThatIsRedWithoutAnyTask_blamesNoTask() {
    Searched searched = search(5, in -> true, Integer.MAX_VALUE);

    assertThat(searched.culprit().orElseThrow().startIsRed()).isTrue();
    assertThat(searched.probed()).contains(START);
  }

  @Test
  void aSpentBudget_endsTheSearchWithoutACulprit() {
    Searched searched = search(8, in -> in.contains("t6"), 1);

    assertThat(searched.culprit()).isEmpty();
    assertThat(searched.probed()).hasSize(1);
  }
}
