package io.jenkins.plugins.parallelagents.carry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.CarrySettings;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a real checkout are carried into a tree, and which never are. */
class CarrierTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private LocalCommandRunner runner;
  private Git git;
  private Path checkout;
  private Path tree;

  @BeforeEach
  void checkout() throws Exception {
    sandbox = new GitSandbox(temp);
    runner = new LocalCommandRunner(sandbox.environment());
    git = new Git(runner, sandbox.environment());
    checkout =
        sandbox.repository(
            "app",
            Map.of(
                ".gitignore", ".env\n*.pem\nlocal/\n",
                "tracked.env.sample", "A=1\n",
                "README.md", "app\n"));
    tree = Files.createDirectories(temp.resolve("trees").resolve("api"));
  }

  @AfterEach
  void close() {
    runner.close();
  }

  private CarryOutcome carry(String... patterns) {
    return new Carrier(git, checkout, new CarrySettings(List.of(patterns))).into(tree);
  }

  @Test
  void onlyIgnoredFiles_areCarried() throws Exception {
    GitSandbox.write(
        checkout,
        Map.of(
            ".env", "A=secret\n",
            "certs/server.pem", "KEY\n",
            "draft.env", "untracked, not ignored\n"));
    // Ignored by a rule, but tracked all the same: git carries it.
    GitSandbox.write(checkout, Map.of("forced.pem", "tracked\n"));
    sandbox.git(checkout, "add", "-f", "forced.pem");
    sandbox.git(checkout, "commit", "-qm", "forced");

    CarryOutcome outcome = carry("*.env", "*.pem", "README.md");

    assertThat(outcome.carried()).containsExactly(".env", "certs/server.pem");
    assertThat(tree.resolve(".env")).hasContent("A=secret");
    assertThat(tree.resolve("draft.env")).doesNotExist();
    assertThat(tree.resolve("forced.pem")).doesNotExist();
    assertThat(tree.resolve("README.md")).doesNotExist();
    assertThat(CarriedFiles.recorded(tree)).containsExactly(".env", "certs/server.pem");
  }

  @Test
  void theWorktreeIncludeFile_addsItsPatterns_andItsBadLinesAreSaid() throws Exception {
    GitSandbox.write(
        checkout,
        Map.of(
            ".env", "A=secret\n",
            "local/settings.yml", "x: 1\n",
            ".worktreeinclude", "# what a worktree needs\nlocal/\n../../etc/passwd\n"));

    CarryOutcome outcome = carry(".env");

    assertThat(outcome.carried()).containsExactly(".env", "local/settings.yml");
    assertThat(outcome.refused())
        .containsExactly(
            ".worktreeinclude:3: pattern '../../etc/passwd' leads out of the repository ('..')");
  }

  @Test
  void aWorktreeIncludeThatIsALink_isNotRead() throws Exception {
    Path elsewhere = Files.writeString(temp.resolve("elsewhere"), "*\n");
    Files.createSymbolicLink(checkout.resolve(".worktreeinclude"), elsewhere);
    GitSandbox.write(checkout, Map.of(".env", "A=secret\n", "key.pem", "KEY\n"));

    CarryOutcome outcome = carry(".env");

    assertThat(outcome.carried()).containsExactly(".env");
    assertThat(outcome.refused()).containsExactly(".worktreeinclude: a symbolic link, not read");
  }

  @Test
  void aFolderOfTheCheckoutThatIsALink_isNotFollowed() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("stolen.pem"), "KEY\n");
    Files.createSymbolicLink(checkout.resolve("local"), outside);

    CarryOutcome outcome = carry("local/*.pem", "*.pem");

    assertThat(outcome.carried()).isEmpty();
    assertThat(tree.resolve("local")).doesNotExist();
  }
}
