package io.jenkins.plugins.parallelagents.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.Bubblewrap;
import io.jenkins.plugins.parallelagents.testing.EngineHarness;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.OutsideTmp;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that writes everywhere it should not, run with and without the sandbox. The world lives
 * outside {@code /tmp}, where the sandbox's disk is read-only.
 */
class SandboxRunTest {

  private static final String README = "app\n";

  @TempDir(factory = OutsideTmp.class)
  Path temp;

  private GitSandbox git;
  private EngineHarness engine;
  private Path repo;
  private Path home;
  private final Path hostTmpFile = Path.of("/tmp", "parallel-agents-sandbox-" + UUID.randomUUID());

  @BeforeEach
  void createRepository() throws Exception {
    Bubblewrap.assumeUsable();
    git = new GitSandbox(temp);
    engine = new EngineHarness(git);
    repo = git.repository("app", Map.of("README.md", README));
    home = Path.of(git.environment().get("HOME"));
  }

  @AfterEach
  void removeHostTmpFile() throws Exception {
    Files.deleteIfExists(hostTmpFile); // written by the run without the sandbox
  }

  /**
   * Tries each write in a shell of its own, records in {@code outcome.txt} whether it went through,
   * ignores the failures, and then does its own work.
   */
  private String hostileAgent() {
    return String.join(
        "\n",
        "attempt() { if sh -c \"$2\" 2>/dev/null; then echo \"wrote $1\"; else echo \"refused $1\";"
            + " fi >> outcome.txt; }",
        "attempt checkout 'echo hacked-absolute >> " + repo.resolve("README.md") + "'",
        // worktrees/<run>/<task> in the state root, which is cache/parallel-agents/<repo>-<hash>
        "attempt checkout-relative"
            + " 'echo hacked-relative >> \"$AGENT_WORKTREE/../../../../../../app/README.md\"'",
        "attempt hooks 'echo \"echo pwned\" > "
            + repo.resolve(".git/hooks/post-commit")
            + " && chmod +x "
            + repo.resolve(".git/hooks/post-commit")
            + "'",
        "attempt run-dir 'echo hacked >> \"$AGENT_RUN_DIR/plan.json\"'",
        "attempt prompt 'echo hacked >> \"$AGENT_PROMPT_FILE\"'",
        "attempt home 'echo hacked > \"$HOME/.profile\"'",
        "attempt tmp 'echo hacked > " + hostTmpFile + "'",
        "echo work > work.txt");
  }

  /** The hostile task; its setup (the plan author's own command) writes a cache in $HOME. */
  private static Task taskWithSetup() {
    Task t = Plans.task("api", false);
    return new Task(
        t.id(),
        t.title(),
        t.foundation(),
        t.needs(),
        t.prompt(),
        t.paths(),
        t.agent(),
        Duration.ofMinutes(2),
        1,
        CommandSpec.shell("echo cache > \"$HOME/setup-cache\""),
        null,
        null);
  }

  @Test
  void sandboxedAgent_cannotWriteOutsideItsTree_andItsOwnWorkIsCommitted() throws Exception {
    RunReport report =
        engine.run(new Plans().add(taskWithSetup(), hostileAgent()).sandbox().build(), repo);

    TaskReport task = report.task("api").orElseThrow();
    assertThat(task.status()).as(task.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, task.branch(), "work.txt")).isEqualTo("work");
    assertThat(git.show(repo, task.branch(), "outcome.txt").lines())
        .containsExactly(
            "refused checkout",
            "refused checkout-relative",
            "refused hooks",
            "refused run-dir",
            "refused prompt",
            "refused home",
            "wrote tmp"); // into the sandbox's own /tmp, gone with it
    assertThat(repo.resolve("README.md")).hasContent(README);
    assertThat(repo.resolve(".git/hooks/post-commit")).doesNotExist();
    Path runDir = Path.of(report.run().directory());
    // plan.json holds the agent's command, which names the word: no line of its own is written.
    assertThat(Files.readAllLines(runDir.resolve("plan.json"))).doesNotContain("hacked");
    assertThat(Files.readString(runDir.resolve("tasks/api/prompt.md"))).doesNotContain("hacked");
    assertThat(home.resolve(".profile")).doesNotExist();
    assertThat(hostTmpFile).doesNotExist();
    assertThat(home.resolve("setup-cache"))
        .as("setup runs outside the sandbox")
        .hasContent("cache");
  }

  @Test
  void withoutTheSandbox_theSameAgentWritesOutside() throws Exception {
    RunReport report = engine.run(new Plans().add(taskWithSetup(), hostileAgent()).build(), repo);

    TaskReport task = report.task("api").orElseThrow();
    // The hook it planted in the user's repository is seen, and fails the task; the writes
    // happened.
    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.reason()).contains(".git/hooks").contains("changed during the run");
    assertThat(repo.resolve(".git/hooks/post-commit")).exists();
    assertThat(Files.readString(repo.resolve("README.md")))
        .contains("hacked-absolute")
        .contains("hacked-relative");
    assertThat(home.resolve(".profile")).exists();
    assertThat(hostTmpFile).exists();
  }

  @Test
  void sandboxedResolver_cannotWriteIntoTheCheckout_andStillResolves() throws Exception {
    RunReport report = engine.run(conflictWithHostileResolver().sandbox().build(), repo);

    assertThat(report.merge().status()).as(report.merge().reason()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(git.show(repo, report.merge().commit(), "config.txt")).isEqualTo("color=teal");
    assertThat(repo.resolve("README.md")).hasContent(README);
  }

  @Test
  void unsandboxedResolver_writesIntoTheCheckout() throws Exception {
    RunReport report = engine.run(conflictWithHostileResolver().build(), repo);

    assertThat(report.merge().status()).as(report.merge().reason()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(Files.readString(repo.resolve("README.md"))).contains("hacked");
  }

  private Plans conflictWithHostileResolver() {
    return new Plans()
        .task("api", "echo color=red > config.txt")
        .task("page", "echo color=green > config.txt")
        .agent(
            "fixer",
            CommandSpec.shell(
                "echo hacked >> " + repo.resolve("README.md") + "; echo color=teal > config.txt"))
        .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"));
  }
}
