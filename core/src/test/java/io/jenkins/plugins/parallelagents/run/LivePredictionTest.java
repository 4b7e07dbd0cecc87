package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Conflicts told to the host while the tasks still run, before the merge phase. */
@Timeout(180)
class LivePredictionTest extends EngineTestBase {

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("config.txt", "port=80\n");
  }

  /** Phases started and conflicts predicted, in the order the host heard them. */
  private static final class Recording implements RunListener {
    final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void phaseStarted(String phase) {
      events.add(phase);
    }

    @Override
    public void conflictPredicted(PredictedConflict conflict) {
      events.add(conflict);
    }

    List<PredictedConflict> conflicts() {
      synchronized (events) {
        return events.stream()
            .filter(PredictedConflict.class::isInstance)
            .map(PredictedConflict.class::cast)
            .toList();
      }
    }
  }

  /**
   * A shell line that waits, at most a minute, until task {@code id} has its branch in the user's
   * repository: the agent then starts its own work only once that task's result is in.
   */
  private String afterBranchOf(String id) {
    return "i=0; until git -C '"
        + repo
        + "' for-each-ref --format=x 'refs/heads/agents/*/"
        + id
        + "' | grep -q x; do i=$((i+1)); [ $i -lt 600 ] || exit 9; sleep 0.1; done; ";
  }

  @Test
  void twoTasksChangingOneFile_areNamedWithTheFile_beforeTheMergeStarts() throws Exception {
    Recording host = new Recording();

    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo port=8081 > config.txt")
                .task("b", afterBranchOf("a") + "echo port=80082 > config.txt")
                .maxParallel(2)
                .build(),
            repo,
            host);

    assertThat(report.task("b").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    List<PredictedConflict> conflicts = host.conflicts();
    assertThat(conflicts).hasSize(1);
    PredictedConflict conflict = conflicts.get(0);
    assertThat(List.of(conflict.a(), conflict.b())).containsExactlyInAnyOrder("a", "b");
    assertThat(conflict.files()).containsExactly("config.txt");
    assertThat(host.events.indexOf(conflict))
        .as("heard before the merge phase: %s", host.events)
        .isLessThan(host.events.indexOf("merge"))
        .isLessThan(host.events.indexOf("prediction"));
    assertThat(report.predictedConflicts()).hasSize(1);
  }

  @Test
  void twoTasksChangingDifferentFiles_areNotWarnedOf() throws Exception {
    Recording host = new Recording();

    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo a > a.txt")
                .task("b", afterBranchOf("a") + "echo b > b.txt")
                .maxParallel(2)
                .build(),
            repo,
            host);

    assertThat(report.task("b").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(host.events).contains("merge");
    assertThat(host.conflicts()).isEmpty();
  }

  @Test
  void aFailedTasksWork_isNotWarnedOf_forItWillNotBeMerged() throws Exception {
    Recording host = new Recording();

    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo port=8081 > config.txt")
                .task("b", afterBranchOf("a") + "echo port=80082 > config.txt; exit 1")
                .maxParallel(2)
                .build(),
            repo,
            host);

    assertThat(report.task("b").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.task("b").orElseThrow().commit()).as("its work was kept").isNotNull();
    assertThat(host.events).contains("merge");
    assertThat(host.conflicts()).isEmpty();
  }

  @Test
  void aHostThatThrowsOnAWarning_stillHearsEveryPair_andTheRunGoesOn() throws Exception {
    List<PredictedConflict> heard = Collections.synchronizedList(new ArrayList<>());
    RunListener throwing =
        new RunListener() {
          @Override
          public void conflictPredicted(PredictedConflict conflict) {
            heard.add(conflict);
            throw new IllegalStateException("the host's console is gone");
          }
        };

    RunReport report =
        engine.run(
            new Plans()
                .task("a", "echo port=8081 > config.txt")
                .task("b", "echo port=80082 > config.txt")
                .task("c", "echo port=800083 > config.txt")
                .maxParallel(1)
                .build(),
            repo,
            throwing);

    assertThat(heard)
        .extracting(c -> c.a() + "+" + c.b())
        .containsExactlyInAnyOrder("a+b", "a+c", "b+c");
    assertThat(report.predictedConflicts()).hasSize(3);
    assertThat(report.merge().merged()).isNotEmpty();
  }

  @Test
  void aSecretInAConflictedFilesName_isMaskedInTheWarning() throws Exception {
    // the guard would fail both tasks for the secret in the name: a plan may turn it off
    String token = "env-only-Token-5521-zxcvbn";
    Map<String, String> environment = new HashMap<>(git.environment());
    environment.put("GITHUB_TOKEN", token);
    Recording host = new Recording();

    RunReport report =
        new RunEngine(
                new Plans()
                    .task("a", "echo one > \"notes-$GITHUB_TOKEN.txt\"")
                    .task("b", "echo the other > \"notes-$GITHUB_TOKEN.txt\"")
                    .maxParallel(1)
                    .guard(
                        new GuardSettings(
                            false,
                            GuardSettings.DEFAULT_MAX_FILE_SIZE,
                            List.of(),
                            List.of(),
                            List.of()))
                    .build(),
                RunOptions.forRepository(repo, environment),
                host)
            .execute();

    assertThat(report.task("b").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(host.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.files()).containsExactly("notes-****.txt"));
  }
}
