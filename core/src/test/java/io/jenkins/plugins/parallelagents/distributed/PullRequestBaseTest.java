package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's base on every node: its head commit, not the merge with the target that each
 * node's checkout makes for itself.
 */
class PullRequestBaseTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private LocalCommandRunner runner;
  private Git git;
  private Path origin;
  private String prHead;
  private final Plan plan = new Plans().task("api", "true").build();

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    runner = new LocalCommandRunner(sandbox.environment());
    git = new Git(runner, sandbox.environment());
    Path author = sandbox.repository("author", Map.of("README.md", "# app\n"));
    origin = sandbox.bareOrigin(author);
    sandbox.git(author, "checkout", "-q", "-b", "pr-42");
    GitSandbox.write(author, Map.of("pr.txt", "the change\n"));
    sandbox.git(author, "add", "-A");
    sandbox.git(author, "commit", "-q", "-m", "The pull request");
    prHead = sandbox.git(author, "rev-parse", "HEAD");
    sandbox.git(author, "push", "-q", "origin", "pr-42");
    sandbox.git(author, "checkout", "-q", "main");
    GitSandbox.write(author, Map.of("main.txt", "the target moved on\n"));
    sandbox.git(author, "add", "-A");
    sandbox.git(author, "commit", "-q", "-m", "Target moves");
    sandbox.git(author, "push", "-q", "origin", "main");
  }

  @AfterEach
  void tearDown() {
    runner.close();
  }

  /** A node's checkout as a "merge with the target" strategy makes it: a merge of its own. */
  private Path mergedCheckout(String node) throws Exception {
    Path checkout = temp.resolve(node);
    sandbox.git(temp, "clone", "-q", origin.toString(), checkout.toString());
    sandbox.git(checkout, "checkout", "-q", "--detach", "origin/pr-42");
    sandbox.git(
        checkout,
        "-c",
        "user.name=Jenkins " + node,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge into PR head",
        "origin/main");
    return checkout;
  }

  private RunStart start(Path checkout, String declaredHead) throws EnvironmentException {
    return RunStart.resolve(git, plan, checkout, "app-pr-42-1", "42", declaredHead, 0);
  }

  @Test
  void everyNodeStartsFromThePullRequestsHead_thoughEachMadeItsOwnMerge() throws Exception {
    Path a = mergedCheckout("node-a");
    Thread.sleep(1100); // another second in the merge's date: another merge commit id
    Path b = mergedCheckout("node-b");
    assertThat(sandbox.git(a, "rev-parse", "HEAD"))
        .isNotEqualTo(sandbox.git(b, "rev-parse", "HEAD"));

    assertThat(start(a, prHead).baseCommit()).isEqualTo(prHead);
    assertThat(start(b, prHead).baseCommit()).isEqualTo(prHead);
    assertThat(start(a, prHead).target()).isEqualTo("agents/pr-42");
  }

  @Test
  void aCheckedOutMergeWithNoHeadKnown_isRefusedAtPlan_notLeftToFailOnTheOtherNodes()
      throws Exception {
    Path a = mergedCheckout("node-a");

    assertThatThrownBy(() -> start(a, null))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("checked out a merge commit")
        .hasMessageContaining("made on this node");
  }

  @Test
  void aDeclaredHeadTheCheckoutDoesNotHold_isAnError() throws Exception {
    Path a = mergedCheckout("node-a");

    assertThatThrownBy(() -> start(a, "1111111111111111111111111111111111111111"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("is not in the commit checked out");
  }

  @Test
  void thePullRequestsOwnRevisionCheckedOut_isItsBase() throws Exception {
    Path checkout = temp.resolve("head-node");
    sandbox.git(temp, "clone", "-q", origin.toString(), checkout.toString());
    sandbox.git(checkout, "checkout", "-q", "--detach", "origin/pr-42");

    assertThat(start(checkout, null).baseCommit()).isEqualTo(prHead);
  }
}
