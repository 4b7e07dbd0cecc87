package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A user's repository with some history and an origin, for runs whose agents attack it: the tests
 * check it comes out as it was.
 */
abstract class UserRepositoryTestBase extends EngineTestBase {

  protected Path origin;
  protected String mainBefore;
  protected String configBefore;

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "src/app.txt", "v1\n");
  }

  @BeforeEach
  void secondCommitAndOrigin() throws Exception {
    // Two commits, so that an agent has history to rewrite.
    Files.writeString(repo.resolve("src/app.txt"), "v2\n");
    git.git(repo, "commit", "-qam", "Second commit");
    origin = git.bareOrigin(repo);
    mainBefore = git.git(repo, "rev-parse", "main");
    configBefore = Files.readString(repo.resolve(".git/config"));
  }

  /**
   * Runs one task, {@code api}, whose agent is {@code script}; it must fail, saying {@code why}.
   */
  protected RunReport apiFailsWith(String script, String why) throws Exception {
    RunReport report = run(new Plans().task("api", script));
    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains(why);
    return report;
  }

  protected RunReport run(Plans plans) throws Exception {
    return engine.run(plans.build(), repo);
  }

  /** The user's main, checkout, config and origin as the test left them before the run. */
  protected void assertUserRepositoryUntouched(RunReport report) {
    assertThat(git.git(repo, "rev-parse", "main")).isEqualTo(mainBefore);
    assertThat(git.git(repo, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/main");
    assertThat(git.git(repo, "status", "--porcelain")).isEmpty();
    assertThat(git.git(origin, "rev-parse", "main")).isEqualTo(mainBefore);
    assertThat(git.git(repo, "worktree", "list")).doesNotContain("agents/");
    List<String> branches =
        List.of(git.git(repo, "branch", "--format=%(refname:short)").split("\n"));
    assertThat(branches)
        .contains("main")
        .allMatch(b -> b.equals("main") || b.startsWith("agents/"));
    assertThat(report.run().base().commit()).isEqualTo(mainBefore);
  }
}
