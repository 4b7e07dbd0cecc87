package io.jenkins.plugins.parallelagents.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor against small real programs on a PATH the test controls: a git too old, no bubblewrap,
 * agent CLIs missing, without a key, or without an option a profile passes.
 */
class DoctorTest {

  private static final String CODEX_EXEC_HELP =
      String.join(
          "\n",
          "Usage: codex exec [OPTIONS] [PROMPT]",
          "Options:",
          "  -s, --sandbox <SANDBOX_MODE>",
          "          Select the sandbox policy",
          "      --json",
          "          Print events as JSONL",
          "      --old-style",
          "          Deprecated: use --json instead");

  private static final String CODEX_HELP =
      String.join(
          "\n",
          "Usage: codex [OPTIONS] [PROMPT]",
          "Commands:",
          "  exec              Run Codex non-interactively [aliases: e]",
          "  login             Manage login",
          "Options:",
          "  -a, --ask-for-approval <APPROVAL_POLICY>");

  @TempDir Path dir;

  private StandIns machine() throws Exception {
    return new StandIns(dir).real("git");
  }

  private StandIns withCodex(StandIns machine) throws Exception {
    return machine.program(
        "codex",
        "case \"$*\" in\n"
            + "  --version) echo 'codex-cli 0.171.0' ;;\n"
            + "  'exec --help') printf '%s\\n' '"
            + CODEX_EXEC_HELP
            + "' ;;\n"
            + "  --help) printf '%s\\n' '"
            + CODEX_HELP
            + "' ;;\n"
            + "  *) exit 9 ;;\n"
            + "esac");
  }

  private static Check check(Diagnosis diagnosis, String subject) {
    return diagnosis.checks().stream()
        .filter(check -> check.subject().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + subject + " in " + diagnosis));
  }

  @Test
  void gitTooOld_failsWithTheVersionNeeded() throws Exception {
    StandIns machine = new StandIns(dir).program("git", "echo 'git version 2.30.1'");

    Diagnosis diagnosis = machine.examine(StandIns.plan("a", "true", false), dir);

    Check git = check(diagnosis, "git");
    assertThat(git.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(git.finding()).contains("git 2.30 is too old").contains("2.38");
    assertThat(git.fix()).isEqualTo("install git 2.38 or newer");
    assertThat(diagnosis.status()).isEqualTo(CheckStatus.FAILED);
  }

  @Test
  void gitMissingOrSpeakingNonsense_fails() throws Exception {
    Diagnosis missing = new StandIns(dir).examine(StandIns.plan("a", "true", false), dir);
    assertThat(check(missing, "git").finding()).contains("not installed");

    StandIns nonsense =
        new StandIns(dir.resolve("other")).program("git", "printf 'git version \\033[2J9'");
    Check git = check(nonsense.examine(StandIns.plan("a", "true", false), dir), "git");
    assertThat(git.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(git.finding()).isEqualTo("git --version did not print a version");
  }

  @Test
  void gitNewEnough_passes() throws Exception {
    Diagnosis diagnosis = machine().examine(StandIns.plan("a", "true", false), dir);

    assertThat(check(diagnosis, "git").status()).isEqualTo(CheckStatus.OK);
    assertThat(check(diagnosis, "git").finding())
        .matches("git \\d+\\.\\d+ \\(2\\.38 or newer needed\\)");
  }

  @Test
  void sandboxedAgentWithoutBubblewrap_failsWithHowToInstallIt() throws Exception {
    StandIns machine = machine().real("true");

    Diagnosis diagnosis = machine.examine(StandIns.plan("a", "true", true), dir);

    Check bubblewrap = check(diagnosis, "bubblewrap");
    assertThat(bubblewrap.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(bubblewrap.finding()).contains("agent 'a'").contains("bwrap").contains("not found");
    assertThat(bubblewrap.fix()).contains("apt-get install bubblewrap");
  }

  @Test
  void bubblewrapThatCannotMakeItsSandbox_fails() throws Exception {
    StandIns machine =
        machine()
            .program("bwrap", "echo 'bwrap: No permissions to create new namespace' >&2; exit 1");

    Check bubblewrap = check(machine.examine(StandIns.plan("a", "true", true), dir), "bubblewrap");

    assertThat(bubblewrap.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(bubblewrap.finding()).contains("No permissions to create new namespace");
    assertThat(bubblewrap.fix()).contains("user namespaces");
  }

  @Test
  void onlySandboxedProfilesThatTasksUse_needBubblewrap_andUnusedProfilesAreNotChecked()
      throws Exception {
    Diagnosis diagnosis = machine().real("true").examine(StandIns.plan("a", "true", false), dir);

    assertThat(check(diagnosis, "bubblewrap").status()).isEqualTo(CheckStatus.OK);
    assertThat(check(diagnosis, "bubblewrap").finding()).startsWith("not needed");
    assertThat(diagnosis.checks()).noneMatch(check -> check.subject().contains("unused"));
    assertThat(diagnosis.status()).as(diagnosis.toString()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void missingAgentCli_failsWithHowToInstallIt() throws Exception {
    Diagnosis diagnosis =
        machine().examine(StandIns.plan("codex", "codex exec \"$AGENT_PROMPT\"", false), dir);

    Check codex = check(diagnosis, "agent 'codex'");
    assertThat(codex.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(codex.finding()).isEqualTo("codex is not installed (not found on the PATH)");
    assertThat(codex.fix()).isEqualTo("install it: npm install -g @openai/codex");
  }

  @Test
  void missingKey_failsAndSaysWhichVariables() throws Exception {
    Diagnosis diagnosis =
        withCodex(machine())
            .examine(StandIns.plan("codex", "codex exec --sandbox workspace-write x", false), dir);

    assertThat(check(diagnosis, "agent 'codex'").finding()).startsWith("codex 0.171.0 at ");
    Check signIn = check(diagnosis, "agent 'codex': sign-in");
    assertThat(signIn.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(signIn.finding()).contains("OPENAI_API_KEY").contains("CODEX_API_KEY");
    assertThat(signIn.fix()).contains("codex login");
    assertThat(check(diagnosis, "agent 'codex': options").status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void keySet_passes_andItsValueIsNowhere() throws Exception {
    String secret = "sk-doctor-test-9f8e7d6c5b4a";
    Diagnosis diagnosis =
        withCodex(machine())
            .set("CODEX_API_KEY", secret)
            .examine(StandIns.plan("codex", "codex exec x", false), dir);

    Check signIn = check(diagnosis, "agent 'codex': sign-in");
    assertThat(signIn.status()).isEqualTo(CheckStatus.OK);
    assertThat(signIn.finding()).isEqualTo("CODEX_API_KEY is set");
    assertThat(diagnosis.toString()).doesNotContain(secret);
  }

  @Test
  void codexLoginFile_countsAsSignedIn() throws Exception {
    StandIns machine = withCodex(machine());
    Path codexHome = Files.createDirectories(dir.resolve("codex-home"));
    Files.writeString(codexHome.resolve("auth.json"), "{}");
    machine.set("CODEX_HOME", codexHome.toString());

    Check signIn =
        check(
            machine.examine(StandIns.plan("codex", "codex exec x", false), dir),
            "agent 'codex': sign-in");

    assertThat(signIn.status()).isEqualTo(CheckStatus.OK);
    assertThat(signIn.finding()).contains(codexHome.resolve("auth.json").toString());
  }

  @Test
  void optionTheInstalledVersionDoesNotList_failsWithTheKnownRename() throws Exception {
    Diagnosis diagnosis =
        withCodex(machine())
            .set("OPENAI_API_KEY", "x")
            .examine(
                StandIns.plan("codex", "codex exec --full-auto --json -m o3 x < /dev/null", false),
                dir);

    Check options = check(diagnosis, "agent 'codex': options");
    assertThat(options.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(options.finding())
        .isEqualTo("codex exec 0.171.0 does not list --full-auto, -m in its --help");
    assertThat(options.fix())
        .contains("replace --full-auto with --sandbox workspace-write")
        .contains("remove -m, or update codex: npm install -g @openai/codex");
  }

  @Test
  void optionOfTheTopCommandPassedToTheSubcommand_fails() throws Exception {
    Diagnosis diagnosis =
        withCodex(machine()).examine(StandIns.plan("codex", "codex exec -a never x", false), dir);

    Check options = check(diagnosis, "agent 'codex': options");
    assertThat(options.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(options.fix()).startsWith("remove -a: codex exec never asks for approval");
  }

  @Test
  void optionTheHelpCallsDeprecated_warns_andWarningsAloneAreNoFailure() throws Exception {
    Diagnosis diagnosis =
        withCodex(machine())
            .set("OPENAI_API_KEY", "x")
            .examine(StandIns.plan("codex", "codex exec --old-style x", false), dir);

    Check options = check(diagnosis, "agent 'codex': options");
    assertThat(options.status()).isEqualTo(CheckStatus.WARNING);
    assertThat(options.finding())
        .contains("--old-style: --old-style Deprecated: use --json instead");
    assertThat(diagnosis.status()).isEqualTo(CheckStatus.WARNING);
  }

  @Test
  void profilePassingNoOptions_needsNoHelp() throws Exception {
    StandIns machine =
        machine()
            .program("claude", "[ \"$1\" = --version ] || exit 1; echo '2.1.197 (Claude Code)'");

    Check options =
        check(
            machine.examine(StandIns.plan("claude", "claude \"$AGENT_PROMPT\"", false), dir),
            "agent 'claude': options");

    assertThat(options.status()).isEqualTo(CheckStatus.OK);
    assertThat(options.finding()).isEqualTo("passes no options");
  }

  @Test
  void unknownProgram_isFoundButNeverRun() throws Exception {
    Path ran = dir.resolve("it-ran");
    StandIns machine = machine().program("in-house-agent", "touch '" + ran + "'");

    Diagnosis diagnosis =
        machine.examine(StandIns.plan("mine", "in-house-agent --version --go", false), dir);

    Check agent = check(diagnosis, "agent 'mine'");
    assertThat(agent.status()).isEqualTo(CheckStatus.OK);
    assertThat(agent.finding()).contains("not a known agent CLI");
    assertThat(ran).doesNotExist();
  }

  @Test
  void hostileVersionOutput_showsOnlyTheVersionNumber() throws Exception {
    StandIns machine =
        machine().cli("claude", "\u001b[31m2.1.197\u001b[0m (Claude Code) \u0007", "  -p, --print");

    Check claude =
        check(
            machine.examine(StandIns.plan("claude", "claude -p x", false), dir), "agent 'claude'");

    assertThat(claude.finding())
        .startsWith("claude 2.1.197 at ")
        .doesNotContain("\u001b", "\u0007");
  }

  @Test
  void cliWhoseVersionFails_failsWithReinstall() throws Exception {
    StandIns machine = machine().program("gemini", "echo 'Error: Cannot find module' >&2; exit 1");

    Check gemini =
        check(
            machine.examine(StandIns.plan("gemini", "gemini -p x", false), dir), "agent 'gemini'");

    assertThat(gemini.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(gemini.finding()).contains("Error: Cannot find module");
    assertThat(gemini.fix()).isEqualTo("reinstall it: npm install -g @google/gemini-cli");
  }

  @Test
  void aiderWithoutAnyKey_onlyWarns() throws Exception {
    StandIns machine =
        machine().cli("aider", "aider 0.86.1", "  --yes-always\n  --message-file FILE");

    Diagnosis diagnosis =
        machine.examine(StandIns.plan("aider", "aider --yes-always --message-file f", false), dir);

    assertThat(check(diagnosis, "agent 'aider': sign-in").status()).isEqualTo(CheckStatus.WARNING);
    assertThat(diagnosis.status()).isEqualTo(CheckStatus.WARNING);
  }

  @Test
  void programByRelativePath_isFoundFromTheTopOfTheCheckout() throws Exception {
    StandIns machine = machine();
    Path repo = Files.createDirectories(dir.resolve("repo"));
    new ProcessBuilder("git", "init", "-q", repo.toString()).inheritIO().start().waitFor();
    Path tools = Files.createDirectories(repo.resolve("tools"));
    Files.writeString(tools.resolve("agent.sh"), "#!/bin/sh\n");
    tools.resolve("agent.sh").toFile().setExecutable(true);
    Path sub = Files.createDirectories(repo.resolve("deep/down"));

    Diagnosis diagnosis =
        machine.examine(StandIns.plan("script", "tools/agent.sh \"$AGENT_TASK_ID\"", false), sub);

    assertThat(check(diagnosis, "agent 'script'").status()).isEqualTo(CheckStatus.OK);
    assertThat(diagnosis.checks()).extracting(Check::subject).doesNotContain("agent 'unused'");
    assertThat(List.of(diagnosis.status())).containsExactly(CheckStatus.OK);
  }
}
