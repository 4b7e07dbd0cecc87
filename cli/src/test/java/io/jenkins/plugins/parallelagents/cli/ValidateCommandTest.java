package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.plan.PlanProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
  void folderInsteadOfFile_saysSoInOneLine_exits2() {
    Cli.Result result = Cli.run("validate", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).containsExactly(dir + ": is a folder, not a plan file");
  }
}
