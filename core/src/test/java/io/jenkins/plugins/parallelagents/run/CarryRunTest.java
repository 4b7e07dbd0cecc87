package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CarrySettings;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ignored files of the user's checkout (a {@code .env}) reach every task tree and the combined
 * test, and never a commit.
 */
class CarryRunTest extends EngineTestBase {

  private static final String ENV = "DB_URL=postgres://carried-only-here\n";

  private static final EnvironmentSettings CARRY_ENV =
      new EnvironmentSettings(new CarrySettings(List.of(".env", "config/local.yml")));

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", ".gitignore", ".env\nconfig/local.yml\n");
  }

  @BeforeEach
  void writeTheUsersEnv() throws Exception {
    Files.writeString(repo.resolve(".env"), ENV);
  }

  /** A task whose verify fails unless the tree has the user's {@code .env}. */
  private static Task needingEnv(String id, boolean foundation, String... needs) {
    Task t = Plans.task(id, foundation, needs);
    return new Task(
        t.id(),
        t.title(),
        foundation,
        t.needs(),
        t.prompt(),
        List.of(),
        t.agent(),
        Duration.ofMinutes(1),
        1,
        null,
        CommandSpec.shell("grep -qx 'DB_URL=postgres://carried-only-here' .env"),
        null);
  }

  @Test
  void theUsersEnv_isInEveryTreeAndInNoCommit() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(needingEnv("migration", true), "echo m > migration.sql")
                .add(needingEnv("api", false), "echo a > api.txt")
                .add(needingEnv("web", false), "echo w > web.txt")
                .test("grep -qx 'DB_URL=postgres://carried-only-here' .env")
                .environment(CARRY_ENV)
                .build(),
            repo);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    for (TaskReport task : report.tasks()) {
      assertThat(task.status()).as(task.id()).isEqualTo(TaskStatus.SUCCEEDED);
      assertThat(task.attempts().get(0).carried()).as(task.id()).containsExactly(".env");
      assertThat(task.changedFiles()).as(task.id()).doesNotContain(".env");
      assertThat(
              Files.readString(
                  Path.of(report.run().directory())
                      .resolve("tasks")
                      .resolve(task.id())
                      .resolve("prompt.md")))
          .doesNotContain("carried-only-here");
    }
    assertThat(git.git(repo, "log", "--all", "--format=%H", "--", ".env")).isEmpty();
    assertThat(git.git(repo, "ls-tree", "-r", "--name-only", "agents/feature"))
        .contains("api.txt", "web.txt", "migration.sql")
        .doesNotContain(".env");
  }

  @Test
  void anAgentThatUnignoresTheEnv_getsNoneOfItIntoABranch() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                // Leaves the change for the engine to commit: the engine leaves .env out.
                .task("lenient", "printf 'config/local.yml\\n' > .gitignore && echo l > l.txt")
                // Commits .env itself: the commit never leaves the task's tree.
                .task(
                    "sneaky",
                    "printf 'config/local.yml\\n' > .gitignore && git add -A"
                        + " && git commit -qm 'keep env' && echo s > s.txt")
                .environment(CARRY_ENV)
                .build(),
            repo);

    TaskReport lenient = report.task("lenient").orElseThrow();
    assertThat(lenient.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(lenient.changedFiles()).containsExactlyInAnyOrder(".gitignore", "l.txt");
    TaskReport sneaky = report.task("sneaky").orElseThrow();
    assertThat(sneaky.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(sneaky.reason()).contains("the agent committed .env");
    assertThat(git.git(repo, "log", "--all", "--format=%H", "--", ".env")).isEmpty();
  }

  @Test
  void anAgentThatCopiesTheEnvUnderAnotherName_getsNoneOfItIntoABranch() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                // A name the ignore rules miss: the engine would commit it like any new file.
                .task("example", "cp .env .env.example && echo e > e.txt")
                // Another case, committed by the agent itself.
                .task(
                    "shouting",
                    "cp .env .ENV && git add .ENV && git commit -qm env && echo s > s.txt")
                .task("honest", "echo h > h.txt")
                .environment(CARRY_ENV)
                .build(),
            repo);

    TaskReport example = report.task("example").orElseThrow();
    assertThat(example.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(example.reason()).contains(".env.example", "a copy of .env");
    TaskReport shouting = report.task("shouting").orElseThrow();
    assertThat(shouting.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(shouting.reason()).contains(".ENV", "a copy of .env");
    assertThat(report.task("honest").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.git(repo, "log", "--all", "--format=%H", "-S", "carried-only-here"))
        .as("commits holding the carried content")
        .isEmpty();
  }

  @Test
  void anEnvThatLinksOutOfTheCheckout_isNotFollowed() throws Exception {
    Path outside = Files.writeString(temp.resolve("outside-secret"), "SECRET_OUTSIDE=1\n");
    Files.delete(repo.resolve(".env"));
    Files.createSymbolicLink(repo.resolve(".env"), outside);
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    RunReport report =
        engine.run(
            new Plans()
                .task("api", "if test -e .env; then cp .env leaked.txt; fi; echo a > api.txt")
                .environment(CARRY_ENV)
                .build(),
            repo,
            new RunListener() {
              @Override
              public void output(String source, String step, String line) {
                lines.add(source + " " + step + " " + line);
              }
            });

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(api.attempts().get(0).carried()).isEmpty();
    assertThat(api.changedFiles()).containsExactly("api.txt");
    assertThat(lines)
        .contains("api carry not carried: .env: a symbolic link in the checkout, not followed");
  }

  @Test
  void aFolderTheFoundationMadeALink_isNotWrittenThrough() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside-folder"));
    io.jenkins.plugins.parallelagents.testing.GitSandbox.write(
        repo, Map.of("config/local.yml", "local: true\n"));

    RunReport report =
        engine.run(
            new Plans()
                .foundation(
                    "links", "rm -rf config && ln -s " + outside + " config && git add config")
                .task("api", "echo a > api.txt", "links")
                .environment(CARRY_ENV)
                .build(),
            repo);

    assertThat(report.task("links").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.git(repo, "ls-tree", report.task("links").orElseThrow().commit(), "config"))
        .as("the foundation committed a link")
        .startsWith("120000");
    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(api.attempts().get(0).carried()).containsExactly(".env");
    assertThat(outside).isEmptyDirectory();
  }
}
