package io.jenkins.plugins.parallelagents.testing;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandboxed git world with one repository, {@code app}, and the real engine to run plans in it.
 */
public abstract class EngineTestBase {

  @TempDir protected Path temp;
  protected GitSandbox git;
  protected EngineHarness engine;
  protected Path repo;

  /** The files the repository starts with. */
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n");
  }

  @BeforeEach
  void createRepository() throws Exception {
    git = new GitSandbox(temp);
    engine = new EngineHarness(git);
    repo = git.repository("app", initialFiles());
  }
}
