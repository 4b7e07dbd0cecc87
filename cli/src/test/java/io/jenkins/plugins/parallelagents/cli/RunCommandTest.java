package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @TempDir Path dir;

  @Test
  void outsideAGitRepository_explainsAndExits3() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);
    Path notARepository = Files.createDirectories(dir.resolve("plain-folder"));
    Host host = Cli.isolatedHost(dir.resolve("home"), notARepository);

    Cli.Result result =
        Cli.run(
            host,
            "run",
            plan.toString(),
            "--repo",
            notARepository.toString(),
            "--state-dir",
            dir.resolve("state").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.errLines()).isNotEmpty().noneMatch(line -> line.startsWith("\tat "));
    assertThat(result.err()).containsIgnoringCase("git");
  }

  @Test
  void dryRun_printsTheScheduleAndRunsNothing() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);
    Path state = dir.resolve("state");

    Cli.Result result =
        Cli.run(
            "run", plan.toString(), "--dry-run", "--jobs", "2", "--state-dir", state.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("Plan 'notification-preferences'")
        .contains("Target: agents/notification-preferences")
        .contains("up to 2 at once")
        .contains("1. migration  agents/<run-id>/migration")
        .contains("agents/<run-id>/frontend");
    String out = result.out();
    assertThat(out.indexOf("1. migration")).isLessThan(out.indexOf("Then up to"));
    assertThat(out.indexOf("  api ")).isLessThan(out.indexOf("  frontend "));
    assertThat(result.outLines())
        .anyMatch(line -> line.contains("frontend") && line.contains("needs api"))
        .anyMatch(line -> line.contains("api") && line.contains("best of 3"));
    assertThat(state).doesNotExist();
  }

  @Test
  void taskWithoutAgent_namesTheTasksAndExits2() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.WITHOUT_AGENTS);

    Cli.Result result = Cli.run("run", plan.toString(), "--dry-run");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            plan
                + ":4:5: task 'migration' has no agent: set 'agent' on the task, or under"
                + " 'defaults'",
            plan + ":7:5: task 'api' has no agent: set 'agent' on the task, or under 'defaults'");
  }

  @Test
  void invalidPlan_exits2BeforeTouchingTheRepository() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.INVALID);

    Cli.Result result = Cli.run("run", plan.toString(), "--repo", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("migraton");
  }
}
