package io.jenkins.plugins.parallelagents.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.lifecycle.RestoreException.Kind;
import io.jenkins.plugins.parallelagents.lifecycle.SnapshotRestore.Restored;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Work a clean removed comes back as it was; a hostile tree is saved without running its traps. */
@Timeout(300)
class SnapshotRestoreTest extends RetentionTestBase {

  /** Nothing is published: the test fails, so the task's commit is in no branch but its own. */
  private static final Plan UNPUBLISHED =
      new Plans()
          .task("api", "echo api > api.txt")
          .task("web", "echo web > web.txt")
          .test("exit 1")
          .build();

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "lib.sh", "echo lib\n", "old.txt", "old\n");
  }

  @Test
  void uncommittedWorkAndUnmergedCommit_removedByClean_comeBackByteForByte() throws Exception {
    run(UNPUBLISHED, "r1");
    String taskCommit = git.git(repo, "rev-parse", "agents/r1/api");
    Path api = tree("r1", "api");
    Files.writeString(api.resolve("README.md"), "app\nedited, not committed\n");
    GitSandbox.write(api, Map.of("notes/new.txt", "new\n", "-rf", "not an option\n"));
    Files.write(api.resolve("bytes.bin"), new byte[] {0, (byte) 0xff, '\r', '\n', 0x7f});
    Files.delete(api.resolve("old.txt"));
    Files.setPosixFilePermissions(
        api.resolve("lib.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> before = files(api);

    retention().cleanAll(CleanupSettings.DEFAULT, false);
    assertThat(Files.exists(api)).isFalse();
    assertThat(refs("refs/heads/agents/r1")).isEmpty();
    Path restored = temp.resolve("restored");
    List<Restored> done = new SnapshotRestore(engineGit, repo).restore("r1", "api", restored);

    assertThat(done)
        .singleElement()
        .extracting(Restored::branch, Restored::commit, Restored::uncommitted)
        .containsExactly("agents/r1/api", taskCommit, true);
    assertThat(git.git(repo, "rev-parse", "agents/r1/api")).isEqualTo(taskCommit);
    assertThat(files(restored)).isEqualTo(before);
    assertThat(git.git(restored, "rev-parse", "HEAD")).isEqualTo(taskCommit);
    git.git(restored, "diff", "--cached", "--quiet"); // nothing staged: all of it uncommitted
    assertThat(git.git(restored, "status", "--porcelain").lines().map(String::strip))
        .containsExactlyInAnyOrder(
            "M README.md", "M lib.sh", "D old.txt", "?? -rf", "?? bytes.bin", "?? notes/");
  }

  @Test
  void restoreWithoutWorktree_bringsBackEveryBranchOfTheRun() throws Exception {
    run(UNPUBLISHED, "r1");
    String api = git.git(repo, "rev-parse", "agents/r1/api");
    String web = git.git(repo, "rev-parse", "agents/r1/web");
    retention().cleanAll(CleanupSettings.DEFAULT, false);

    new SnapshotRestore(engineGit, repo).restore("r1", null, null);

    assertThat(git.git(repo, "rev-parse", "agents/r1/api")).isEqualTo(api);
    assertThat(git.git(repo, "rev-parse", "agents/r1/web")).isEqualTo(web);
  }

  @Test
  void restore_overABranchThatDiffers_refusesAndLeavesItAsItIs() throws Exception {
    run(UNPUBLISHED, "r1");
    retention().cleanAll(CleanupSettings.DEFAULT, false);
    String main = git.git(repo, "rev-parse", "main");
    git.git(repo, "branch", "agents/r1/api", "main");

    assertThatThrownBy(() -> new SnapshotRestore(engineGit, repo).restore("r1", "api", null))
        .isInstanceOfSatisfying(
            RestoreException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IN_THE_WAY))
        .hasMessageStartingWith("branch agents/r1/api exists and is not the saved ")
        .hasMessageContaining("git branch -m agents/r1/api agents/r1/api-mine");
    assertThat(git.git(repo, "rev-parse", "agents/r1/api")).isEqualTo(main);
  }

  @Test
  void restore_intoAFolderThatHoldsFiles_refusesAndTouchesNothing() throws Exception {
    run(UNPUBLISHED, "r1");
    retention().cleanAll(CleanupSettings.DEFAULT, false);
    Path folder = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(folder.resolve("keep.txt"), "mine\n");

    assertThatThrownBy(() -> new SnapshotRestore(engineGit, repo).restore("r1", "api", folder))
        .isInstanceOfSatisfying(
            RestoreException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IN_THE_WAY))
        .hasMessage(folder + " already exists; name a new folder for the worktree");
    assertThat(files(folder)).containsOnlyKeys("keep.txt");
    assertThat(refs("refs/heads/agents/r1")).isEmpty();
  }

  @Test
  void hostileTrees_areSnapshotted_withoutRunningAnythingTheyPlanted() throws Exception {
    run(UNPUBLISHED, "r1");
    Path marker = temp.resolve("planted-ran");
    Path planted = temp.resolve("planted.sh");
    Files.writeString(planted, "#!/bin/sh\ntouch '" + marker + "'\ncat\n");
    Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxr-xr-x"));
    String traps =
        "[core]\n\tfsmonitor = "
            + planted
            + "\n[filter \"evil\"]\n\tclean = "
            + planted
            + "\n\tsmudge = "
            + planted
            + "\n";
    // api: hooks and a config that runs programs, in the task's own repository
    Path api = tree("r1", "api");
    Files.writeString(api.resolve(".git/config"), traps, java.nio.file.StandardOpenOption.APPEND);
    Path hooks = Files.createDirectories(api.resolve(".git/hooks"));
    for (String hook : List.of("post-index-change", "reference-transaction", "pre-commit")) {
      Files.copy(planted, hooks.resolve(hook));
    }
    GitSandbox.write(api, Map.of(".gitattributes", "* filter=evil\n", "-rf", "a file\n"));
    Files.writeString(api.resolve("README.md"), "app\napi edit\n");
    // web: its .git replaced by a link to a repository of the agent's, with the same traps
    Path elsewhere = git.repository("elsewhere", Map.of("x", "x\n"));
    Files.writeString(
        elsewhere.resolve(".git/config"), traps, java.nio.file.StandardOpenOption.APPEND);
    Path web = tree("r1", "web");
    TaskRepositoriesAccess.removeRecursively(web.resolve(".git"));
    Files.createSymbolicLink(web.resolve(".git"), elsewhere.resolve(".git"));
    GitSandbox.write(web, Map.of(".gitattributes", "* filter=evil\n"));
    Files.writeString(web.resolve("README.md"), "app\nweb edit\n");

    retention().cleanAll(CleanupSettings.DEFAULT, false);

    assertThat(marker).as("a program the agent planted ran").doesNotExist();
    assertThat(git.show(repo, SnapshotRefs.uncommitted("r1", "api"), "README.md"))
        .isEqualTo("app\napi edit");
    assertThat(git.show(repo, SnapshotRefs.uncommitted("r1", "api"), "-rf")).isEqualTo("a file");
    assertThat(git.show(repo, SnapshotRefs.uncommitted("r1", "web"), "README.md"))
        .isEqualTo("app\nweb edit");
    assertThat(git.show(repo, SnapshotRefs.uncommitted("r1", "web"), "web.txt")).isEqualTo("web");
    assertThat(Files.exists(web)).isFalse();
    assertThat(Files.isRegularFile(elsewhere.resolve("x")))
        .as("the link was not followed")
        .isTrue();
  }
}
