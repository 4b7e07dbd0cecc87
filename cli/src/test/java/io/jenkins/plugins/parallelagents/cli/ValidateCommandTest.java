package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void validPlan_saysSoInOneLine_exits0() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("validate", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.outLines())
        .containsExactly(
            plan + ": valid plan 'notification-preferences' with 4 tasks (1 foundation)");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void invalidPlan_printsEveryProblemOnItsOwnLine_exits2() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.INVALID);
    InvalidPlanException expected =
        catchThrowableOfType(InvalidPlanException.class, () -> new PlanParser().parse(plan));

    Cli.Result result = Cli.run("validate", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactlyElementsOf(expected.problems().stream().map(PlanProblem::toString).toList())
        .allMatch(
            line -> line.matches("\\Q" + plan + "\\E:\\d+:\\d+: .+"), "file:line:col: message")
        .anyMatch(line -> line.contains("migraton"))
        .anyMatch(line -> line.contains("colour"))
        .anyMatch(line -> line.contains("attempts"));
  }

  @Test
  void missingFile_saysSoInOneLine_exits2() {
    Path plan = dir.resolve("nowhere.yaml");

    Cli.Result result = Cli.run("validate", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly(plan + ": no such plan file");
  }

  @Test
  void endlessDevice_isRefusedInOneLine_exits2() {
    Cli.Result result = Cli.run("validate", "/dev/zero");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            "/dev/zero: is not a regular file (a pipe or a device, say); a plan is read from a file");
  }

  // Without the type check the pipe is opened and waits for a writer in native code.
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void pipe_isRefusedInOneLine_exits2() throws Exception {
    Path fifo = dir.resolve("agents-plan.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    Cli.Result result = Cli.run("validate", fifo.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            fifo + ": is not a regular file (a pipe or a device, say); a plan is read from a file");
  }

  @Test
  void oversizedPlan_isRefusedInOneLine_exits2() throws Exception {
    Path plan =
        Plans.write(dir, "agents-plan.yaml", Plans.VALID + "# " + "x".repeat(10_000_000) + "\n");

    Cli.Result result = Cli.run("validate", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            plan
                + ": the plan is "
                + Files.size(plan)
                + " bytes; a plan may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void taskWithoutAgent_isAProblemAtTheTask_exits2() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.WITHOUT_AGENTS);

    Cli.Result result = Cli.run("validate", plan.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            plan
                + ":4:5: task 'migration' has no agent: set 'agent' on the task, or under"
                + " 'defaults'",
            plan + ":7:5: task 'api' has no agent: set 'agent' on the task, or under 'defaults'");
  }

  @Test
  void dryRun_saysWhatValidateSays() throws Exception {
    Path plan =
        Plans.write(
            dir,
            "agents-plan.yaml",
            Plans.VALID
                .replace("name: notification-preferences", "name: demo\ntarget: HEAD")
                .replace("attempts: 3", "attempts: 30\n    paths: ['{a,b']"));

    Cli.Result validate = Cli.run("validate", plan.toString());
    Cli.Result dryRun = Cli.run("run", plan.toString(), "--dry-run");

    assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(validate.errLines())
        .hasSize(3)
        .allMatch(line -> line.matches("\\Q" + plan + "\\E:\\d+:\\d+: .+"));
    assertThat(dryRun.exitCode()).isEqualTo(validate.exitCode());
    assertThat(dryRun.err()).isEqualTo(validate.err());
  }

  @Test
  void folderInsteadOfFile_saysSoInOneLine_exits2() {
    Cli.Result result = Cli.run("validate", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly(dir + ": is a folder, not a plan file");
  }
}
