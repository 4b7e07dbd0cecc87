package io.jenkins.plugins.parallelagents.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regenerator on a real merge stopped on a conflict, with what a machine may lack. */
class RegeneratorTest {

  private static final String MANIFEST =
      "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1.0.0\"\n  }\n}\n";
  private static final String LOCKFILE = "{\n  \"name\": \"app\",\n  \"lockfileVersion\": 3\n}\n";

  @TempDir Path temp;
  private GitSandbox git;
  private Path repo;
  private LocalCommandRunner runner;

  @BeforeEach
  void repository() throws Exception {
    git = new GitSandbox(temp);
    repo = git.repository("app", Map.of("package.json", MANIFEST, "package-lock.json", LOCKFILE));
    runner = new LocalCommandRunner(git.environment());
  }

  /** Commits {@code files} on a new branch {@code name} from main. */
  private void branch(String name, Map<String, String> files) throws Exception {
    git.git(repo, "checkout", "-q", "-b", name, "main");
    GitSandbox.write(repo, files);
    git.git(repo, "add", "-A");
    git.git(repo, "commit", "-q", "-m", name);
  }

  /** Merges {@code theirs} into {@code ours}, which must stop on a conflict. */
  private void mergeStopped(String ours, String theirs) {
    git.git(repo, "checkout", "-q", ours);
    try {
      git.git(repo, "merge", "--no-edit", theirs);
      throw new IllegalStateException("the merge went through");
    } catch (AssertionError conflicted) {
      assertThat(git.git(repo, "diff", "--name-only", "--diff-filter=U")).isNotEmpty();
    }
  }

  private ConflictRegenerator regenerator(Map<String, String> commandEnvironment) {
    return Regenerators.of(
        List.of(),
        new Git(runner, git.environment()),
        runner,
        commandEnvironment,
        Duration.ofMinutes(1),
        temp.resolve("merge.log"),
        line -> {});
  }

  private static TaskBranch task(String id) {
    return new TaskBranch(id, id, id, "HEAD", List.of(), List.of(), List.of());
  }

  private static String withDependency(String name) {
    return MANIFEST.replace("\"a\": \"1.0.0\"", "\"a\": \"1.0.0\",\n    \"" + name + "\": \"1\"");
  }

  @Test
  void npmMissing_failsTheRegeneration_sayingSo() throws Exception {
    branch(
        "left", Map.of("package.json", withDependency("b"), "package-lock.json", LOCKFILE + " "));
    branch("right", Map.of("package.json", withDependency("c"), "package-lock.json", "{}\n"));
    mergeStopped("left", "right");
    Map<String, String> noPrograms = new HashMap<>();
    noPrograms.put("PATH", Files.createDirectories(temp.resolve("empty-bin")).toString());

    ConflictRegenerator.Result result =
        regenerator(noPrograms)
            .regenerate(repo, task("right"), List.of("package-lock.json", "package.json"));

    assertThat(result.done()).isNull();
    assertThat(result.failure()).isEqualTo("npm is not installed");
  }

  @Test
  void aLockfileMadeASymbolicLink_isRefused_andWhatItPointsAtIsLeftAlone() throws Exception {
    Path outside = temp.resolve("outside.json");
    Files.writeString(outside, "precious\n");
    branch("left", Map.of("package.json", withDependency("b"), "package-lock.json", "{}\n"));
    git.git(repo, "checkout", "-q", "-b", "right", "main");
    GitSandbox.write(repo, Map.of("package.json", withDependency("c")));
    Files.delete(repo.resolve("package-lock.json"));
    Files.createSymbolicLink(repo.resolve("package-lock.json"), outside);
    git.git(repo, "add", "-A");
    git.git(repo, "commit", "-q", "-m", "right");
    mergeStopped("left", "right");

    ConflictRegenerator.Result result =
        regenerator(git.environment())
            .regenerate(repo, task("right"), List.of("package-lock.json", "package.json"));

    assertThat(result.failure()).isEqualTo("package-lock.json is a symbolic link in 'right'");
    assertThat(Files.readString(outside)).isEqualTo("precious\n");
  }

  @Test
  void aManifestDeletedOnOneSide_isNotMerged_namingTheSide() throws Exception {
    branch("left", Map.of("package.json", withDependency("b")));
    git.git(repo, "checkout", "-q", "-b", "right", "main");
    git.git(repo, "rm", "-q", "package.json");
    git.git(repo, "commit", "-q", "-m", "right");
    mergeStopped("left", "right");

    ConflictRegenerator.Result result =
        regenerator(git.environment()).regenerate(repo, task("right"), List.of("package.json"));

    assertThat(result.failure()).isEqualTo("package.json was deleted in 'right'");
  }

  @Test
  void covers_onlyConflictsWhoseEveryFileARuleRegenerates() {
    ConflictRegenerator regenerator = regenerator(git.environment());

    assertThat(regenerator.covers(List.of("package.json", "web/yarn.lock", "pnpm-lock.yaml")))
        .isTrue();
    assertThat(regenerator.covers(List.of("package-lock.json", "src/app.js"))).isFalse();
    assertThat(regenerator.covers(List.of())).isFalse();
  }
}
