package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliReferenceTest {

  /** docs/cli.md of this checkout; surefire runs the tests in cli/. */
  private static final Path DOCS =
      Path.of(System.getProperty("basedir", ""))
          .toAbsolutePath()
          .getParent()
          .resolve("docs/cli.md");

  @Test
  void docsCliMd_matchesTheCommandLine() throws Exception {
    String expected = CliReference.markdown();
    if (Boolean.getBoolean("regenerate.docs")) {
      Files.writeString(DOCS, expected);
    }

    assertThat(DOCS).as("docs/cli.md is missing: run " + CliReference.REGENERATE).exists();
    String actual = Files.readString(DOCS).replace("\r\n", "\n");
    if (!actual.equals(expected)) {
      fail("docs/cli.md is out of date: run " + CliReference.REGENERATE);
    }
  }

  @Test
  void reference_coversEveryCommandAndTheExitCodes() {
    assertThat(CliReference.markdown())
        .contains("## `parallel-agents validate`", "## `parallel-agents graph`")
        .contains("## `parallel-agents run`", "## `parallel-agents demo`")
        .contains("| 3 | Environment");
  }
}
