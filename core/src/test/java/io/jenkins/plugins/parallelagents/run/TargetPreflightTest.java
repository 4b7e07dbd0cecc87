package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A target the run could not publish stops it before any agent runs, with the reason, instead of
 * failing after all the work with another one.
 */
class TargetPreflightTest extends EngineTestBase {

  @Test
  void targetUnderAnExistingBranch_stopsTheRunBeforeAnyAgent() throws Exception {
    EnvironmentException refused = refusedRun("main/sub");

    assertThat(refused)
        .hasMessage(
            "target 'main/sub' clashes with branch 'main': git cannot keep both a branch 'main'"
                + " and branches under 'main/'");
    assertThat(refused.fix()).contains("'target:'");
  }

  @Test
  void targetAboveExistingBranches_stopsTheRunBeforeAnyAgent() throws Exception {
    git.git(repo, "branch", "release/2026");

    assertThat(refusedRun("release"))
        .hasMessage(
            "target 'release' clashes with branch 'release/2026': git cannot keep both a branch"
                + " 'release' and branches under 'release/'");
  }

  @Test
  void targetCheckedOutInTheUsersCheckout_stopsTheRunBeforeAnyAgent() throws Exception {
    assertThat(refusedRun("main"))
        .hasMessageStartingWith("target 'main' is checked out in ")
        .hasMessageEndingWith("; publishing would change that checkout");
  }

  @Test
  void targetCheckedOutInAnotherWorktree_stopsTheRunBeforeAnyAgent() throws Exception {
    git.git(repo, "worktree", "add", "-q", "-b", "review", temp.resolve("review").toString());

    assertThat(refusedRun("review")).hasMessageStartingWith("target 'review' is checked out in ");
  }

  @Test
  void targetAboveTheRunsOwnBranches_stopsTheRunBeforeAnyAgent() throws Exception {
    assertThat(refusedRun("agents"))
        .hasMessageStartingWith(
            "target 'agents' clashes with the run's own branches agents/<run>/<task>");
  }

  @Test
  void targetBesideOtherBranches_runs() throws Exception {
    git.git(repo, "branch", "agents/other");
    git.git(repo, "branch", "agents/feature-2");

    var report = engine.run(new Plans().task("api", "echo a > a.txt").build(), repo);

    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
  }

  /** Runs a plan with {@code target} whose agent leaves a mark; it must be refused unrun. */
  private EnvironmentException refusedRun(String target) throws Exception {
    Path mark = temp.resolve("agent-ran");
    var plan = new Plans().task("api", "touch '" + mark + "'").target(target).build();

    EnvironmentException refused =
        catchThrowableOfType(EnvironmentException.class, () -> engine.run(plan, repo));

    assertThat(refused).as("the run is refused").isNotNull();
    assertThat(Files.exists(mark)).as("the agent ran").isFalse();
    return refused;
  }
}
