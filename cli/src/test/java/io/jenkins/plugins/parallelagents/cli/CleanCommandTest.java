package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code clean} and {@code restore} on a real run of a real repository. */
@Timeout(300)
class CleanCommandTest {

  private static final String PLAN =
      """
      version: 1
      name: feature
      agents:
        sh: { command: "echo api > api.txt" }
      defaults: { agent: sh }
      tasks:
        - id: api
          prompt: Add api.txt.
      test:
        command: exit 1
      """;

  @TempDir Path dir;

  @Test
  void dryRunThenClean_thenRestore_bringsTheUnpublishedTaskBack() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("app"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    git(host, repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git(host, repo, "add", "-A");
    git(host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "one");
    Path plan = Files.writeString(dir.resolve("agents-plan.yaml"), PLAN);
    String state = dir.resolve("state").toString();
    assertThat(Cli.run(host, "run", plan.toString(), "--state-dir", state).exitCode()).isEqualTo(1);
    String runId = only(dir.resolve("state/runs"));
    List<String> before = listing(dir.resolve("state"));

    Cli.Result dryRun = Cli.run(host, "clean", "--all", "--dry-run", "--state-dir", state);

    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.outLines())
        .contains(
            "would remove " + runId + ": every finished run was asked for",
            "  would save unpublished branch agents/"
                + runId
                + "/api as refs/parallel-agents/snapshots/"
                + runId
                + "/api");
    assertThat(listing(dir.resolve("state"))).isEqualTo(before);

    Cli.Result clean = Cli.run(host, "clean", "--all", "--state-dir", state);

    assertThat(clean.outLines())
        .first()
        .isEqualTo("removed " + runId + ": every finished run was asked for");
    assertThat(Files.exists(dir.resolve("state/runs/" + runId))).isFalse();
    assertThat(git(host, repo, "branch", "--list", "agents/" + runId + "/*")).isEmpty();

    Path restored = dir.resolve("restored");
    Cli.Result restore =
        Cli.run(host, "restore", runId, "--task", "api", "--worktree", restored.toString());

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(restore.outLines().get(0))
        .startsWith("restored branch agents/" + runId + "/api at ");
    assertThat(Files.readString(restored.resolve("api.txt"))).isEqualTo("api\n");
  }

  @Test
  void clean_anUnknownRun_saysSoInOneLineAndExits2() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("app"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    git(host, repo, "init", "-q", "-b", "main");
    String state = dir.resolve("state").toString();

    Cli.Result result = Cli.run(host, "clean", "../../etc", "--state-dir", state);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).contains("no run '../../etc' in ");
  }

  @Test
  void restore_worktreeWithoutTask_isBadUsage() throws Exception {
    Cli.Result result = Cli.run("restore", "r1", "--worktree", dir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--worktree needs --task");
  }

  private static String only(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .map(p -> p.getFileName().toString())
          .reduce((a, b) -> a + "," + b)
          .orElseThrow();
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private static String git(Host host, Path repo, String... args) throws Exception {
    return String.join("\n", TestRepositories.git(host, repo, args));
  }
}
