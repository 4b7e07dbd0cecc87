package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outline}: the run's start for a CI's later jobs, and its tasks for a matrix. */
class OutlineCommandTest {

  @TempDir Path temp;
  Host host;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = temp.resolve("repo");
    Files.createDirectories(repo);
    host = Cli.isolatedHost(temp.resolve("home"), repo);
    TestRepositories.init(host, repo);
    Files.writeString(repo.resolve("agents-plan.yaml"), DistributedCiTest.PLAN);
  }

  @Test
  void aPullRequest_publishesToItsOwnBranch_andAnEmptyNumberIsNone() throws Exception {
    JsonNode request = json(outline("--pull-request", "17"));
    JsonNode none = json(outline("--pull-request", ""));

    assertThat(request.get("target").asText()).isEqualTo("agents/pr-17");
    assertThat(none.get("target").asText()).isEqualTo("agents/feature");
    String head = TestRepositories.git(host, repo, "rev-parse", "HEAD").get(0);
    assertThat(none.get("baseCommit").asText()).isEqualTo(head);
    assertThat(repo.resolve("start/start.json")).isRegularFile();
  }

  @Test
  void aRunIdThatCannotNameBranches_isBadUsage() {
    Cli.Result result = outline("--run-id", "Build #7");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("'Build #7' cannot name branches");
    assertThat(repo.resolve("start")).doesNotExist();
  }

  @Test
  void outsideAGitRepository_isAnEnvironmentProblem() throws Exception {
    Path plain = temp.resolve("plain");
    Files.createDirectories(plain);
    Cli.Result result =
        Cli.run(
            host,
            "outline",
            repo.resolve("agents-plan.yaml").toString(),
            "--repo",
            plain.toString(),
            "--out",
            plain.resolve("start").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(plain.resolve("start")).doesNotExist();
  }

  @Test
  void aTaskJobWithoutTheStart_saysWhatToGive() {
    Cli.Result result = Cli.run(host, "task", "api", "--start", "nowhere", "--out", "out");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err())
        .contains("no start.json in", "give the folder the outline command wrote");
  }

  private Cli.Result outline(String... options) {
    String[] args = new String[options.length + 6];
    args[0] = "outline";
    args[1] = "agents-plan.yaml";
    args[2] = "--out";
    args[3] = "start";
    args[4] = "--format";
    args[5] = "json";
    System.arraycopy(options, 0, args, 6, options.length);
    return Cli.run(host, args);
  }

  private static JsonNode json(Cli.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return new ObjectMapper().readTree(result.out());
  }
}
