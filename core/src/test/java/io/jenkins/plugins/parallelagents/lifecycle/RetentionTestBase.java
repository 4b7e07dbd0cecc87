package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.run.Preflight;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs under a state folder of the test's, and the engine's hardened git to clean them with. */
abstract class RetentionTestBase extends EngineTestBase {

  protected Path state;
  protected StateRoot root;
  protected Git engineGit;
  private LocalCommandRunner runner;

  @BeforeEach
  void engineGit() {
    state = temp.resolve("state");
    root = new StateRoot(state);
    Map<String, String> environment = GitEnvironment.forEngine(git.environment());
    runner = new LocalCommandRunner(environment);
    Map<String, String> author = Preflight.author(new Git(runner, Map.of()), repo);
    engineGit = new Git(runner, GitEnvironment.hardened(environment, author));
  }

  @AfterEach
  void closeRunner() {
    runner.close();
  }

  protected RunReport run(Plan plan, String runId) throws Exception {
    return engine.run(plan, engine.options(repo).withStateRoot(state).withRunId(runId));
  }

  protected Retention retention() {
    return new Retention(root, engineGit, repo, Clock.systemUTC());
  }

  protected Path tree(String runId, String name) {
    return root.worktrees(runId).resolve(name);
  }

  protected List<String> refs(String prefix) {
    String out = git.git(repo, "for-each-ref", "--format=%(refname)", prefix);
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  /**
   * Every file under {@code folder} but {@code .git}: its bytes and whether it is executable, as a
   * person would compare two checkouts.
   */
  protected static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.toList()) {
        Path relative = folder.relativize(path);
        if (relative.toString().isEmpty()
            || relative.getName(0).toString().equals(".git")
            || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        boolean executable =
            Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
        files.put(
            relative.toString(),
            (executable ? "x " : "- ") + new String(Files.readAllBytes(path), "ISO-8859-1"));
      }
    }
    return files;
  }
}
