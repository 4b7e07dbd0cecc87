package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {

  @TempDir Path tmp;

  @Test
  void create_commitsTheExampleOnMainAndPushesItToABareOrigin() throws Exception {
    Path example = Files.createDirectories(tmp.resolve("example/notification-preferences"));
    Files.writeString(example.resolve("agents-plan.yaml"), "version: 1\n");
    Path agent = Files.createDirectories(example.resolve("tools")).resolve("agent.sh");
    Files.writeString(agent, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(example.resolve(".git"));
    Files.writeString(example.resolve(".git/not-copied"), "x");
    GitProcess git = new GitProcess(Cli.isolatedHost(tmp.resolve("home"), tmp).environment());
    Path root = Files.createDirectories(tmp.resolve("demo"));

    DemoWorkspace workspace = DemoWorkspace.create(root, example, git);

    Path repo = workspace.repository();
    assertThat(repo).isEqualTo(root.resolve("notification-preferences"));
    assertThat(repo.resolve("tools/agent.sh")).isExecutable();
    assertThat(repo.resolve(".git/not-copied")).doesNotExist();
    assertThat(git.require(repo, "status", "--porcelain")).isEmpty();
    assertThat(git.require(repo, "log", "-1", "--format=%an <%ae>"))
        .isEqualTo("Parallel Agents Demo <demo@parallel-agents.invalid>");
    String head = git.require(repo, "rev-parse", "HEAD");
    assertThat(workspace.originBranch("main", git)).contains(head);
    assertThat(workspace.originBranch("agents/none", git)).isEmpty();
    assertThat(workspace.stateRoot()).isDirectory();
  }

  @Test
  void delete_removesEverything() throws Exception {
    Path example = Files.createDirectories(tmp.resolve("example/notification-preferences"));
    Files.writeString(example.resolve("agents-plan.yaml"), "version: 1\n");
    GitProcess git = new GitProcess(Cli.isolatedHost(tmp.resolve("home"), tmp).environment());
    Path root = Files.createDirectories(tmp.resolve("demo"));
    DemoWorkspace workspace = DemoWorkspace.create(root, example, git);

    workspace.delete();

    assertThat(root).doesNotExist();
  }
}
