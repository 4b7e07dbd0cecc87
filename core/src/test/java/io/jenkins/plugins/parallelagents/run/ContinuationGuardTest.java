package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A branch taken as it is now by {@code merge} or {@code resume} is checked by the guard like an
 * agent's work: a commit put on it after the run cannot carry a secret past the guard.
 */
class ContinuationGuardTest extends EngineTestBase {

  private static final String OPENAI_KEY = "sk-proj-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
  private static final String DOT_ENV = "echo 'OPENAI_API_KEY=" + OPENAI_KEY + "' > .env";

  private RunReport goOn(Plan plan, String runId, Continuation continuation)
      throws EnvironmentException {
    return engine.run(plan, engine.options(repo).continuing(runId, continuation));
  }

  /** Adds a commit on top of {@code branch}, as a user fixing it by hand would. */
  private void commitOn(String branch, String file, String content) throws Exception {
    Path fix = temp.resolve("fix-" + file);
    git.git(repo, "worktree", "add", "-q", fix.toString(), branch);
    Files.writeString(fix.resolve(file), content);
    git.git(fix, "add", "-A");
    git.git(fix, "commit", "-qm", "Fix by hand");
    git.git(repo, "worktree", "remove", "--force", fix.toString());
  }

  @Test
  void merge_ofATaskTheGuardRefused_thenFixedByHand_stillRefusesTheSecret() throws Exception {
    Path origin = git.bareOrigin(repo);
    Plan plan =
        new Plans()
            .task("api", DOT_ENV + "; echo api > api.txt")
            .publish(new PublishSettings("origin", false))
            .build();
    RunReport first = engine.run(plan, repo);
    String runId = first.run().id();
    assertThat(first.tasks().get(0).status()).isEqualTo(TaskStatus.FAILED);
    // The user fixes what they think failed, on top of the agent's work.
    commitOn("agents/" + runId + "/api", "api.txt", "api, fixed\n");

    RunReport merged = goOn(plan, runId, Continuation.merge());

    TaskReport api = merged.tasks().get(0);
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in .env:1");
    assertThat(merged.merge().status()).isEqualTo(MergeStatus.SKIPPED);
    assertThat(merged.publish().status()).isNotIn(PublishStatus.UPDATED, PublishStatus.PUSHED);
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void resume_ofATaskWhoseBranchWasMovedOntoASecret_doesNotPublishIt() throws Exception {
    Path green = temp.resolve("green");
    Plan plan =
        new Plans()
            .task("api", "echo api > api.txt")
            .task("web", "echo web > web.txt")
            .test("test -f " + green)
            .build();
    RunReport first = engine.run(plan, repo);
    String runId = first.run().id();
    assertThat(first.run().status()).isEqualTo(RunStatus.FAILED);
    Files.writeString(green, "");
    // Between the runs, something with access to the repository moves a finished task's branch.
    Path moved = temp.resolve("moved");
    git.git(repo, "worktree", "add", "-q", moved.toString(), "agents/" + runId + "/web");
    Files.writeString(moved.resolve(".env"), "OPENAI_API_KEY=" + OPENAI_KEY + "\n");
    git.git(moved, "add", "-A");
    git.git(moved, "commit", "-qm", "Configure");
    git.git(repo, "worktree", "remove", "--force", moved.toString());

    RunReport resumed = goOn(plan, runId, Continuation.resume());

    // The moved branch is no finished work: the task runs again and its own work is published.
    assertThat(resumed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(git.show(repo, "agents/feature", "web.txt")).isEqualTo("web");
    assertThat(git.show(repo, "agents/feature", ".env")).isNull();
  }
}
