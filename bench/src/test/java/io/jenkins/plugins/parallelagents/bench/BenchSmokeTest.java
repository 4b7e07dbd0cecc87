package io.jenkins.plugins.parallelagents.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark at a tiny size, so that it cannot rot: every measurement is taken and
 * every table filled. The numbers themselves are never checked; speed is judged by reading them.
 */
class BenchSmokeTest {

  private static final Path CLI_JAR = Path.of("../cli/target/parallel-agents.jar");

  @TempDir Path temp;

  @Test
  void tinyRun_fillsEveryTable() throws Exception {
    assumeTrue(Files.isRegularFile(CLI_JAR), "the CLI jar is built in the package phase");
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--files",
              "50",
              "--tasks",
              "3",
              "--reps",
              "1",
              "--chains",
              "2",
              "--chain-length",
              "2",
              "--agent-seconds",
              "0-0.5",
              "--plan-tasks",
              "20",
              "--scheduling-files",
              "20",
              "--tmp",
              temp.toString(),
              "--baseline",
              Path.of("baseline.sh").toString(),
              "--cli",
              "java",
              "-jar",
              CLI_JAR.toAbsolutePath().toString()
            });
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    List<Table> tables =
        new Benchmark(
                options, new BenchLog(new PrintStream(progress, true, StandardCharsets.UTF_8)))
            .run();

    assertThat(tables)
        .extracting(t -> t.title().split(":")[0])
        .containsExactly(
            "Machine",
            "Overhead ratio",
            "Where the time goes",
            "Scale",
            "A task's own repository against a worktree",
            "Validating and planning a large plan (CLI process, median of 1)",
            "Scheduling",
            "Scheduling");
    assertThat(tables).allSatisfy(t -> assertThat(t.rows()).hasSize(1));
    Table overhead = tables.get(1);
    assertThat(overhead.columns())
        .containsExactly("N", "pairs", "engine (ms)", "baseline (ms)", "ratio", "goal");
    assertThat(overhead.rows().get(0).get(0)).isEqualTo("3");
    assertThat(tables.get(2).columns())
        .contains(
            "plan", "tasks", "merge", "report", "Σ worktrees", "Σ agent", "Σ commit", "Σ collect");
    assertThat(tables.get(3).columns()).contains("peak RSS (MB)");
    assertThat(tables.get(4).columns()).contains("worktree (ms)", "task repository (ms)", "ratio");
    assertThat(tables.get(6).columns()).contains("critical path (ms)", "wave schedule (ms)");
    assertThat(BenchMain.markdown(tables))
        .contains(
            "### Overhead ratio", "| N | pairs | engine (ms) | baseline (ms) | ratio | goal |");
    try (var left = Files.list(temp)) {
      assertThat(left).as("the workspace is removed").isEmpty();
    }
  }
}
