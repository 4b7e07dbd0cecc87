package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work shaped to slip past the guard still fails its task, and nothing of it is published. */
class GuardEvasionTest extends EngineTestBase {

  private static final String OPENAI_KEY = "sk-proj-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
  private static final String AWS_KEY = "AKIA" + "ABCDEFGHIJ234567";

  /** Shaped like no provider's token: only the environment can tell that it is a secret. */
  private static final String TOKEN = "env-only-Token-7781-qwerty";

  private static final String COMMIT_AS_AGENT = "git add -A; git commit -qm work;";

  private TaskReport runTask(String script) throws Exception {
    return runTask(new Plans().task("api", script));
  }

  private TaskReport runTask(Plans plans) throws Exception {
    return engine.run(plans.build(), repo).tasks().get(0);
  }

  @Test
  void aNulByte_doesNotHideTheLinesAfterIt() throws Exception {
    TaskReport api = runTask("printf 'b\\000\\nOPENAI_API_KEY=" + OPENAI_KEY + "\\n' > keys.txt");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in keys.txt:2 (OpenAI API key sk-****)");
  }

  @Test
  void binaryAttributesPlantedInTheUsersRepository_doNotBlindTheScan() throws Exception {
    Path attributes = repo.resolve(".git/info/attributes");
    TaskReport api =
        runTask(
            "printf '* -diff\\n* binary\\n' > '"
                + attributes
                + "'; echo 'k "
                + AWS_KEY
                + "' > x.txt");

    assertThat(Files.readString(attributes)).contains("* -diff");
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in x.txt:1 (AWS access key id AKIA****)");
  }

  @Test
  void binaryAttributesInTheCommittedTree_doNotBlindTheScan() throws Exception {
    // The user's own checkout marks everything binary, as some repositories of assets do.
    GitSandbox.write(repo, Map.of(".gitattributes", "* -diff\n* binary\n"));
    git.git(repo, "add", ".gitattributes");
    git.git(repo, "commit", "-qm", "attributes");

    TaskReport api =
        runTask(
            "printf '* diff=hidden\\n' >> .gitattributes; git config diff.hidden.textconv true;"
                + " echo 'k "
                + AWS_KEY
                + "' > x.txt");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in x.txt:1 (AWS access key id AKIA****)");
  }

  @Test
  void aFileTurnedIntoALink_doesNotHideTheFilesAfterIt() throws Exception {
    TaskReport api =
        runTask("rm README.md; ln -s nowhere README.md; printf 'aws: " + AWS_KEY + "\\n' > zz.txt");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in zz.txt:1 (AWS access key id AKIA****)");
  }

  @Test
  void anAllowedFolder_doesNotHideTheFilesAfterIt() throws Exception {
    TaskReport api =
        runTask(
            new Plans()
                .task("api", "mkdir aa; echo ok > aa/x.txt; echo 'k " + AWS_KEY + "' > zz.txt")
                .guard(guard(List.of("aa/**"), 1024 * 1024)));

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("secret in zz.txt:1 (AWS access key id AKIA****)");
  }

  @Test
  void aTrackedFileGrownPastTheLimit_failsTheTask() throws Exception {
    TaskReport api =
        runTask(
            new Plans()
                .task("api", "head -c 3000 /dev/zero >> README.md; " + COMMIT_AS_AGENT)
                .guard(guard(List.of(), 2048)));

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("file too large: README.md (2.9 KiB, limit 2 KiB)");
  }

  @Test
  void aLinkReplacedByALargeFile_failsTheTask() throws Exception {
    Files.createSymbolicLink(repo.resolve("link"), Path.of("README.md"));
    git.git(repo, "add", "link");
    git.git(repo, "commit", "-qm", "link");

    TaskReport api =
        runTask(
            new Plans()
                .task("api", "rm link; head -c 3000 /dev/zero > link; " + COMMIT_AS_AGENT)
                .guard(guard(List.of(), 2048)));

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("file too large: link (2.9 KiB, limit 2 KiB)");
  }

  @Test
  void aLargeFileWithACarriageReturnInItsName_failsTheTask() throws Exception {
    TaskReport api =
        runTask(
            new Plans()
                .task(
                    "api",
                    "head -c 3000 /dev/zero > \"$(printf 'big\\rname.bin')\"; " + COMMIT_AS_AGENT)
                .guard(guard(List.of(), 2048)));

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("file too large: big\rname.bin (2.9 KiB, limit 2 KiB)");
  }

  @Test
  void secretsInAFileNameAndTheCommitsText_failTheTask_andPublishNothing() throws Exception {
    Path origin = git.bareOrigin(repo);
    Plan plan =
        new Plans()
            .task(
                "api",
                "echo w > \"f-$GITHUB_TOKEN.txt\"; git add -A;"
                    + " git -c user.name=\"$GITHUB_TOKEN\" -c user.email=a@b commit -qm \"leak $GITHUB_TOKEN\"")
            .publish(new PublishSettings("origin", false))
            .build();

    TaskReport api = runWithToken(plan).tasks().get(0);

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason())
        .contains("secret in the name of f-****.txt (environment secret or URL credentials ****)")
        .containsPattern("secret in commit [0-9a-f]{12}, line 3 of its text")
        .containsPattern("secret in commit [0-9a-f]{12}, line 6 of its text");
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
  }

  @Test
  void aSecretInAnExtraHeaderOfACommit_failsTheTask() throws Exception {
    TaskReport api =
        runTask(
            "echo ok > a.txt; git add a.txt; c=$(mktemp); printf 'tree %s\\nparent %s\\n"
                + "author a <a@b> 1 +0000\\ncommitter a <a@b> 1 +0000\\nx-note k "
                + AWS_KEY
                + "\\n\\nok\\n' $(git write-tree) $(git rev-parse HEAD) > $c;"
                + " git reset -q --hard $(git hash-object -t commit -w --literally $c)");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).containsPattern("secret in commit [0-9a-f]{12}, line 5 of its text");
  }

  @Test
  void aHugeSparseFileLeftBehind_failsTheAttempt_beforeAnythingIsStaged() throws Exception {
    TaskReport api = runTask("truncate -s 64M big.bin; echo ok > a.txt");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason())
        .isEqualTo(
            "the agent left what must not be committed: file too large: big.bin (64 MiB, limit 1"
                + " MiB)");
    assertThat(api.commit()).isNull();
  }

  @Test
  void aHugeSparseFileLeftByAFailingAgent_isNotCommitted() throws Exception {
    TaskReport api = runTask("truncate -s 64M \"$(printf 'big\\rx.bin')\"; exit 3");

    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason()).contains("file too large: big\rx.bin (64 MiB, limit 1 MiB)");
    assertThat(api.commit()).isNull();
  }

  @Test
  void aLargeFileInAnAllowedFolder_isLeftToTheAllowList() throws Exception {
    TaskReport api =
        runTask(
            new Plans()
                .task("api", "mkdir -p fixtures; head -c 3000 /dev/zero > fixtures/big.bin")
                .guard(guard(List.of("fixtures/**"), 2048)));

    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
  }

  private RunReport runWithToken(Plan plan) throws Exception {
    Map<String, String> environment = new HashMap<>(git.environment());
    environment.put("GITHUB_TOKEN", TOKEN);
    return engine.run(plan, RunOptions.forRepository(repo, environment));
  }

  private static GuardSettings guard(List<String> allow, long maxFileSize) {
    return new GuardSettings(true, maxFileSize, List.of(), allow, List.of());
  }
}
