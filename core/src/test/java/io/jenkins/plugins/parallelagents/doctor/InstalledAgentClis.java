package io.jenkins.plugins.parallelagents.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real agent CLIs pinned in tools/agent-clis, once {@code npm ci} installed them there. Tests
 * skip, saying why, where they are not installed; with {@code PARALLEL_AGENTS_REQUIRE_AGENT_CLIS}
 * set (CI) they fail instead, so that they are never skipped unnoticed.
 */
final class InstalledAgentClis {

  static final String REQUIRE = "PARALLEL_AGENTS_REQUIRE_AGENT_CLIS";

  private final Path root;

  private InstalledAgentClis(Path root) {
    this.root = root;
  }

  /** The checkout's tools/agent-clis with its CLIs installed, or the test is skipped (or fails). */
  static InstalledAgentClis require() {
    Path folder = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tools/agent-clis/package.json"))) {
        folder = dir.resolve("tools/agent-clis");
        break;
      }
    }
    String missing = null;
    if (folder == null) {
      missing = "no tools/agent-clis above " + Path.of("").toAbsolutePath();
    } else {
      for (String program : new String[] {"codex", "claude", "gemini"}) {
        if (!Files.isExecutable(folder.resolve("node_modules/.bin").resolve(program))) {
          missing =
              "the agent CLIs are not installed: run npm ci --no-audit --no-fund --prefix "
                  + "tools/agent-clis";
        }
      }
    }
    if (missing != null) {
      if (System.getenv(REQUIRE) != null) {
        assertThat(missing).as("the real agent CLIs are required here (" + REQUIRE + ")").isNull();
      }
      Assumptions.abort(missing);
    }
    return new InstalledAgentClis(folder);
  }

  /** The folder holding the CLIs' programs, to put first on a PATH. */
  Path bin() {
    return root.resolve("node_modules/.bin");
  }

  /** The version npm installed of {@code npmPackage}, as its package.json says. */
  String version(String npmPackage) throws IOException {
    Path manifest = root.resolve("node_modules").resolve(npmPackage).resolve("package.json");
    return new ObjectMapper().readTree(manifest.toFile()).path("version").asText();
  }

  /** The example plan of the checkout. */
  String examplePlan() throws IOException {
    return Files.readString(
        root.getParent().getParent().resolve("examples/notification-preferences/agents-plan.yaml"));
  }
}
