package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void aTargetHoldingSomeoneElsesWork_exits3BeforeAnyAgent_untilATargetOrForceIsGiven()
      throws Exception {
    Path repo = Files.createDirectories(dir.resolve("app"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    GitProcess git = new GitProcess(host.environment());
    String[] identity = {"-c", "user.name=T", "-c", "user.email=t@example.com"};
    git.require(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git.require(repo, "add", "-A");
    git.require(repo, concat(identity, "commit", "-qm", "Initial commit"));
    git.require(repo, "checkout", "-q", "-b", "agents/demo");
    Files.writeString(repo.resolve("theirs.txt"), "their work\n");
    git.require(repo, "add", "-A");
    git.require(repo, concat(identity, "commit", "-qm", "Their work"));
    git.require(repo, "checkout", "-q", "main");
    String theirs = git.require(repo, "rev-parse", "agents/demo").strip();
    Path mark = dir.resolve("agent-ran");
    Path plan =
        Plans.write(
            dir,
            "agents-plan.yaml",
            """
            version: 1
            name: demo
            agents:
              script: { command: ["/bin/sh", "-c", "touch '%s'; echo work > work.txt"] }
            defaults:
              agent: script
            tasks:
              - id: api
                prompt: Add the endpoint.
            """
                .formatted(mark));
    String[] run = {"run", plan.toString(), "--state-dir", dir.resolve("state").toString()};

    Cli.Result refused = Cli.run(host, run);

    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(refused.errLines())
        .containsExactly(
            "target 'agents/demo' holds 1 commit that neither the base contains nor an earlier run"
                + " of plan 'demo' published: "
                + theirs.substring(0, 7)
                + " Their work",
            "to replace it, pass --force-publish (or set publish.force: true in the plan); to keep"
                + " it, publish elsewhere with --target NAME (or another 'target:' in the plan),"
                + " or merge it into the base");
    assertThat(mark).doesNotExist();

    Cli.Result elsewhere = Cli.run(host, concat(run, "--target", "agents/demo-2"));
    assertThat(elsewhere.exitCode()).as(elsewhere.err()).isEqualTo(ExitCodes.OK);
    assertThat(git.require(repo, "show", "agents/demo-2:work.txt").strip()).isEqualTo("work");
    assertThat(git.require(repo, "rev-parse", "agents/demo").strip()).isEqualTo(theirs);

    Cli.Result forced = Cli.run(host, concat(run, "--force-publish"));
    assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCodes.OK);
    assertThat(git.require(repo, "show", "agents/demo:work.txt").strip()).isEqualTo("work");
  }

  @Test
  void twoTasksChangingOneFile_aWarningLineBeforeTheMerge() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("app"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    TestRepositories.init(host, repo);
    Path plan =
        Plans.write(
            dir,
            "agents-plan.yaml",
            """
            version: 1
            name: demo
            agents:
              api: { command: "echo the api side > README.md" }
              page: { command: "echo the page side of it > README.md" }
            tasks:
              - id: api
                prompt: Change the README.
                agent: api
              - id: page
                prompt: Change the README too.
                agent: page
            """);

    // one at a time: 'page' succeeds after 'api', and the warning comes with it
    Cli.Result result =
        Cli.run(
            host,
            "run",
            plan.toString(),
            "--jobs",
            "1",
            "--state-dir",
            dir.resolve("state").toString());

    List<String> lines = result.outLines();
    String warning =
        "! conflict ahead: 'api' and 'page' both change README.md (predicted; the merge will set"
            + " one aside unless it is resolved)";
    assertThat(lines).as(result.out()).anyMatch(line -> line.endsWith("] " + warning));
    int warned = indexOf(lines, "] " + warning);
    // told as 'page' succeeds, which may be said just before or after its SUCCEEDED line
    assertThat(warned).isGreaterThan(indexOf(lines, "] api SUCCEEDED"));
    assertThat(warned).isLessThan(indexOf(lines, "] merge started"));
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + part + "' in " + lines);
  }

  @Test
  void aTargetOptionThatIsNoBranchName_exits2() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("run", plan.toString(), "--dry-run", "--target", "x..y");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("'x..y' is not a valid branch name: it contains '..'")
        .contains("--target");
  }

  @Test
  void theTargetOption_isTheTargetTheDryRunShows() throws Exception {
    Path plan = Plans.write(dir, "agents-plan.yaml", Plans.VALID);

    Cli.Result result = Cli.run("run", plan.toString(), "--dry-run", "--target", "review/next");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("Target: review/next");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
