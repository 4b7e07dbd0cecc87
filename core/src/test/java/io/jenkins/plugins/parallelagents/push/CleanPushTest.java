package io.jenkins.plugins.parallelagents.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing from a workspace whose repository, config and environment hostile code has had its way
 * with: the result reaches the URL of the job's configuration, and nothing the workspace planted
 * runs or redirects it.
 */
class CleanPushTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path workspace;
  private Path origin;
  private Path elsewhere;
  private Path marker;
  private String result;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    workspace = sandbox.repository("workspace", Map.of("README.md", "# app\n"));
    origin = sandbox.bareOrigin(workspace);
    elsewhere = temp.resolve("elsewhere.git");
    sandbox.git(temp, "init", "-q", "--bare", elsewhere.toString());
    GitSandbox.write(workspace, Map.of("api.txt", "the agents' work\n"));
    sandbox.git(workspace, "add", "-A");
    sandbox.git(workspace, "commit", "-q", "-m", "Combined result");
    result = sandbox.git(workspace, "rev-parse", "HEAD");
    marker = temp.resolve("ran");
  }

  private PublishReport push(Map<String, String> host, String url) throws Exception {
    PublishRequest request = new PublishRequest("origin", "agents/shop", result, false, null);
    try (CleanPush push = CleanPush.stage(host, workspace, result, temp.resolve("scratch"))) {
      return push.push(request, url, Map.of());
    }
  }

  private PublishReport push(Map<String, String> host) throws Exception {
    return push(host, origin.toString());
  }

  private String pushedTo(Path bare) {
    try {
      return sandbox.git(bare, "rev-parse", "-q", "--verify", "refs/heads/agents/shop");
    } catch (AssertionError e) {
      return ""; // no such branch
    }
  }

  private Path script(String name, String body) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void theResultReachesTheConfiguredUrl_andNothingIsLeftBehind() throws Exception {
    PublishReport report = push(sandbox.environment());

    assertThat(report.status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(pushedTo(origin)).isEqualTo(result);
    try (var left = Files.list(temp.resolve("scratch"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aWorkspaceInsteadOfOrPushUrl_doesNotRedirectThePush() throws Exception {
    sandbox.git(workspace, "config", "url." + elsewhere + ".insteadOf", origin.toString());
    sandbox.git(workspace, "config", "url." + elsewhere + ".pushInsteadOf", origin.toString());
    sandbox.git(workspace, "config", "remote.origin.pushurl", elsewhere.toString());

    assertThat(push(sandbox.environment()).status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(pushedTo(origin)).isEqualTo(result);
    assertThat(pushedTo(elsewhere)).isEmpty();
  }

  @Test
  void theUsersGlobalConfig_andConfigPassedInTheEnvironment_doNotRedirectThePush()
      throws Exception {
    Files.writeString(
        Path.of(sandbox.environment().get("GIT_CONFIG_GLOBAL")),
        "[url \"" + elsewhere + "\"]\n\tinsteadOf = " + origin + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Map<String, String> host = new HashMap<>(sandbox.environment());
    host.put("GIT_CONFIG_PARAMETERS", "'url." + elsewhere + ".pushinsteadof'='" + origin + "'");
    host.put("GIT_CONFIG_COUNT", "1");
    host.put("GIT_CONFIG_KEY_0", "url." + elsewhere + ".insteadOf");
    host.put("GIT_CONFIG_VALUE_0", origin.toString());

    assertThat(push(host).status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(pushedTo(origin)).isEqualTo(result);
    assertThat(pushedTo(elsewhere)).isEmpty();
  }

  @Test
  void aPrePushHookInTheWorkspaceNeverRuns() throws Exception {
    Path hook = workspace.resolve(".git/hooks/pre-push");
    Files.writeString(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    sandbox.git(workspace, "config", "core.hooksPath", workspace.resolve(".git/hooks").toString());

    assertThat(push(sandbox.environment()).status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aWorkspaceSshCommand_andAnExportedGitSsh_neverCarryTheCredentialAway() throws Exception {
    Path thief = script("thief", "touch '" + marker + "'; exit 1");
    sandbox.git(workspace, "config", "core.sshCommand", thief.toString());
    Map<String, String> host = new HashMap<>(sandbox.environment());
    host.put("GIT_SSH", thief.toString());
    host.put("GIT_SSH_COMMAND", thief.toString());
    host.put("GIT_PROXY_COMMAND", thief.toString());
    // ssh to a port nobody listens on: the push fails, but never through the planted command.
    host.put("GIT_CONFIG_GLOBAL", "/dev/null");

    PublishReport report = push(host, "ssh://git@127.0.0.1:1/app.git");

    assertThat(report.status()).isEqualTo(PublishStatus.FAILED);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aWorkspaceCredentialHelperIsNeverAsked() throws Exception {
    Path helper = script("helper", "touch '" + marker + "'");
    sandbox.git(workspace, "config", "credential.helper", helper.toString());
    sandbox.git(workspace, "config", "url." + elsewhere + ".insteadOf", origin.toString());

    assertThat(push(sandbox.environment()).status()).isEqualTo(PublishStatus.PUSHED);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aWorkspaceWithoutTheResultCommit_failsWithoutPushingAnything() throws Exception {
    PublishRequest request =
        new PublishRequest("origin", "agents/shop", "0".repeat(40), false, null);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CleanPush.stage(sandbox.environment(), workspace, request.commit(), temp))
        .isInstanceOf(PushException.class)
        .hasMessageContaining("does not hold the result commit");
    assertThat(pushedTo(origin)).isEmpty();
  }

  @Test
  void aTargetThatHoldsOtherWork_isRejected_notOverwritten() throws Exception {
    sandbox.git(workspace, "push", "-q", "origin", "HEAD~1:refs/heads/agents/shop");
    String other =
        sandbox.git(workspace, "commit-tree", "-m", "other", "HEAD~1^{tree}", "-p", "HEAD~1");
    sandbox.git(workspace, "push", "-q", "origin", other + ":refs/heads/agents/shop");

    PublishReport report = push(sandbox.environment());

    assertThat(report.status()).isEqualTo(PublishStatus.REJECTED);
    assertThat(pushedTo(origin)).isEqualTo(other);
  }

  @Test
  void aResultNamedByABranchInsteadOfItsCommitId_isNeverResolvedInTheWorkspace() throws Exception {
    // Anything that ran in the workspace since the merge may have moved a branch there.
    sandbox.git(workspace, "branch", "agents/run-1/integration", result);

    for (String name : new String[] {"agents/run-1/integration", "HEAD", result.substring(0, 12)}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CleanPush.stage(sandbox.environment(), workspace, name, temp.resolve("s")))
          .as(name)
          .isInstanceOf(PushException.class)
          .hasMessageContaining("must be named by its full commit id");
    }
    assertThat(pushedTo(origin)).isEmpty();
  }

  @Test
  void anSshPushWithABoundCredential_readsNoSshConfig_evenThroughTheHostsWrapper()
      throws Exception {
    // A stand-in for the host's ssh, first on the PATH: it records how it was started.
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path args = temp.resolve("ssh-args");
    Files.writeString(bin.resolve("ssh"), "#!/bin/sh\necho \"$@\" > '" + args + "'\nexit 1\n");
    Files.setPosixFilePermissions(bin.resolve("ssh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> host = new HashMap<>(sandbox.environment());
    host.put("PATH", bin + ":" + host.getOrDefault("PATH", "/usr/bin:/bin"));
    // What the Git client plugin binds for an SSH key: a wrapper that runs ssh by its name.
    Path wrapper = script("wrapper", "ssh -i /keys/push-key \"$@\"");
    PublishRequest request = new PublishRequest("origin", "agents/shop", result, false, null);
    String url = "ssh://git@git.example.invalid/app.git";

    try (CleanPush push = CleanPush.stage(host, workspace, result, temp.resolve("scratch"))) {
      Map<String, String> credential = new HashMap<>(push.sshWithoutUserConfig());
      credential.put("GIT_SSH", wrapper.toString());
      assertThat(push.push(request, url, credential).status()).isEqualTo(PublishStatus.FAILED);
      assertThat(Files.readString(args)).startsWith("-F /dev/null -i /keys/push-key ");

      // Without it, ssh would read the user's ~/.ssh/config (a ProxyCommand planted there).
      push.push(request, url, Map.of("GIT_SSH", wrapper.toString()));
      assertThat(Files.readString(args)).startsWith("-i /keys/push-key ");
    }
  }
}
