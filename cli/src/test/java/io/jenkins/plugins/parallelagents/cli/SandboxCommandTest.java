package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that asks for the sandbox, on a machine that cannot give it: exit 3 with how to install
 * it, before anything is created. The machine is made by the run's PATH, which holds git and,
 * depending on the test, no bwrap or a bwrap that cannot make namespaces.
 */
class SandboxCommandTest {

  private static final String SANDBOXED =
      """
      version: 1
      name: sandboxed
      agents:
        codex: { command: ["/bin/sh", "-c", "echo work > work.txt"], sandbox: true }
      defaults:
        agent: codex
      tasks:
        - id: api
          prompt: Add the endpoint.
      """;

  @TempDir Path dir;

  private Path repo;
  private Path bin;
  private Path state;

  @BeforeEach
  void repositoryAndAPathWithGitOnly() throws Exception {
    bin = Files.createDirectories(dir.resolve("bin"));
    executable(bin.resolve("git"), "#!/bin/sh\nexec " + onHostPath("git") + " \"$@\"\n");
    repo = Files.createDirectories(dir.resolve("app"));
    state = dir.resolve("state");
    GitProcess git = new GitProcess(host().environment());
    git.require(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git.require(repo, "add", "-A");
    git.require(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "i");
  }

  @Test
  void bubblewrapMissing_exits3WithTheInstallHint_andCreatesNothing() throws Exception {
    Cli.Result result = run(SANDBOXED);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.errLines())
        .containsExactly(
            "the plan runs agent 'codex' in the sandbox, but bubblewrap (bwrap) was not found on"
                + " the PATH",
            "install bubblewrap (apt-get install bubblewrap, or dnf install bubblewrap),"
                + " or remove 'sandbox: true' from the plan");
    assertThat(state).doesNotExist();
  }

  @Test
  void bubblewrapThatCannotMakeNamespaces_exits3WithItsOwnWords() throws Exception {
    executable(
        bin.resolve("bwrap"),
        "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");

    Cli.Result result = run(SANDBOXED);

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "the plan runs agent 'codex' in the sandbox, but bubblewrap cannot make its sandbox"
                + " here: bwrap: No permissions to create new namespace");
    assertThat(result.err()).contains("unprivileged user namespaces");
    assertThat(state).doesNotExist();
  }

  @Test
  void planWithoutTheSandbox_runsOnTheSameMachine() throws Exception {
    Cli.Result result = run(SANDBOXED.replace(", sandbox: true", ""));

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
  }

  private Cli.Result run(String plan) throws Exception {
    Path file = Plans.write(dir, "agents-plan.yaml", plan);
    return Cli.run(
        host(), "run", file.toString(), "--repo", repo.toString(), "--state-dir", state.toString());
  }

  private Host host() throws Exception {
    Host isolated = Cli.isolatedHost(dir.resolve("home"), repo == null ? dir : repo);
    Map<String, String> environment = new HashMap<>(isolated.environment());
    environment.put("PATH", bin.toString());
    return new Host(environment, null, isolated.workingDirectory());
  }

  private static void executable(Path file, String script) throws Exception {
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Where the machine's own PATH has {@code program}. */
  private static Path onHostPath(String program) {
    return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
        .map(folder -> Path.of(folder, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new AssertionError(program + " is not on the PATH"));
  }
}
