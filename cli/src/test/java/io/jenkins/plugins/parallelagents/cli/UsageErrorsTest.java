package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageErrorsTest {

  @Test
  void missingPlan_printsOneLineAndWhereToReadMore_exits2() {
    Cli.Result result = Cli.run("validate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            "Missing required parameter: 'PLAN'", "see 'parallel-agents validate --help'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unknownOption_suggestsTheCloseOne_exits2() {
    Cli.Result result = Cli.run("run", "agents-plan.yaml", "--dryrun");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            "Unknown option: '--dryrun' (did you mean --dry-run?)",
            "see 'parallel-agents run --help'");
  }

  @Test
  void unknownCommand_suggestsTheCloseOne_exits2() {
    Cli.Result result = Cli.run("grph", "agents-plan.yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines()).hasSize(2);
    assertThat(result.errLines().get(0)).contains("'grph'").contains("did you mean graph?");
    assertThat(result.errLines().get(1)).isEqualTo("see 'parallel-agents --help'");
  }

  @Test
  void noCommand_namesTheCommands_exits2() {
    Cli.Result result = Cli.run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            "Missing a command: validate, graph, run, runs, show, resume, retry, merge, clean, restore, outline, task, finish, demo, doctor",
            "see 'parallel-agents --help'");
  }

  @Test
  void jobsBelowOne_isAUsageError() {
    Cli.Result result = Cli.run("run", "agents-plan.yaml", "--jobs", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines())
        .containsExactly("--jobs must be at least 1, not 0", "see 'parallel-agents run --help'");
  }

  @Test
  void unknownGraphFormat_listsTheFormats_exits2() {
    Cli.Result result = Cli.run("graph", "agents-plan.yaml", "--format", "svg");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "Invalid value for option '--format': expected one of text, mermaid, dot, not 'svg'");
  }

  @Test
  void help_listsCommandsAndExitCodes_exits0() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("validate", "graph", "run", "demo")
        .contains("Exit codes:")
        .containsPattern("\\n +3 +Environment")
        .containsPattern("\\n +130 +The run was cancelled by Ctrl-C")
        .containsPattern("\\n +143 +The run was cancelled by SIGTERM");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void subcommandHelp_showsItsOwnOptions_exits0() {
    Cli.Result result = Cli.run("run", "--help");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .startsWith("Usage: parallel-agents run")
        .contains("--repo=DIR", "--jobs=N", "--dry-run", "--state-dir=DIR", "--stacktrace");
  }

  @Test
  void version_namesTheProduct_exits0() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("parallel-agents ");
  }
}
