package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task's diff starts after setup: what setup changed is not committed as the agent's work. */
class SetupChangesTest extends EngineTestBase {

  /** Rewrites the tracked lockfile and generates a file that is not ignored, as installs do. */
  private static final String INSTALL =
      "echo '{\"resolved\": \"elsewhere\"}' > package-lock.json && echo made > generated.txt";

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "package-lock.json", "{\"resolved\": \"registry\"}\n");
  }

  private static Task withSetup(String id, String setup) {
    Task t = Plans.task(id, false);
    return new Task(
        t.id(),
        t.title(),
        false,
        List.of(),
        t.prompt(),
        List.of(),
        t.agent(),
        Duration.ofMinutes(1),
        1,
        CommandSpec.shell(setup),
        null,
        null);
  }

  @Test
  void setupRewritingTheLockfile_isNotCommittedAsTheAgentsWork() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(withSetup("api", INSTALL), "test -f generated.txt && echo api > api.txt")
                .build(),
            repo);

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, api.branch(), "api.txt")).isEqualTo("api");
    assertThat(git.show(repo, api.branch(), "package-lock.json"))
        .as("the lockfile as the task started with it")
        .isEqualTo("{\"resolved\": \"registry\"}");
    assertThat(git.show(repo, api.branch(), "generated.txt")).isNull();
    assertThat(api.changedFiles()).containsExactly("api.txt");
    AttemptReport attempt = api.attempts().get(0);
    assertThat(attempt.setupChanged()).containsExactly("generated.txt", "package-lock.json");
  }

  @Test
  void aFileTheAgentChangedAfterSetup_isTheAgents() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(
                    withSetup("deps", INSTALL),
                    "echo '{\"resolved\": \"pinned by the agent\"}' > package-lock.json")
                .build(),
            repo);

    TaskReport deps = report.task("deps").orElseThrow();
    assertThat(deps.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, deps.branch(), "package-lock.json"))
        .isEqualTo("{\"resolved\": \"pinned by the agent\"}");
    assertThat(deps.changedFiles()).containsExactly("package-lock.json");
    assertThat(deps.attempts().get(0).setupChanged()).containsExactly("generated.txt");
  }

  @Test
  void anAgentThatChangedNothingAfterSetup_changedNothing() throws Exception {
    RunReport report =
        engine.run(new Plans().add(withSetup("idle", INSTALL), "true").build(), repo);

    TaskReport idle = report.task("idle").orElseThrow();
    assertThat(idle.status()).isEqualTo(TaskStatus.NO_CHANGES);
    assertThat(git.git(repo, "rev-parse", idle.branch()))
        .isEqualTo(git.git(repo, "rev-parse", "main"));
  }

  @Test
  void aFileNamedLikeAPathspec_isLeftOutAsItIs() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(
                    withSetup("odd", "echo made > '*' && echo made > ':(glob)x'"),
                    "echo work > '*.txt'")
                .build(),
            repo);

    TaskReport odd = report.task("odd").orElseThrow();
    assertThat(odd.changedFiles()).containsExactly("*.txt");
    assertThat(odd.attempts().get(0).setupChanged()).containsExactly("*", ":(glob)x");
  }
}
