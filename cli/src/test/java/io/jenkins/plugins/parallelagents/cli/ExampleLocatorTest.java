package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleLocatorTest {

  @TempDir Path root;

  @Test
  void home_isWhereTheLauncherSaysTheCheckoutIs() throws Exception {
    Path example = example(root);

    assertThat(new ExampleLocator(root.toString(), Path.of("/")).locate()).isEqualTo(example);
  }

  @Test
  void withoutHome_looksUpFromTheWorkingDirectory() throws Exception {
    Path example = example(root);
    Path nested = Files.createDirectories(root.resolve("cli/src"));

    assertThat(new ExampleLocator(null, nested).locate()).isEqualTo(example);
  }

  @Test
  void nowhere_isAnEnvironmentProblem() {
    CliFailure failure =
        catchThrowableOfType(
            CliFailure.class, () -> new ExampleLocator(root.toString(), root).locate());

    assertThat(failure.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(failure.lines().get(0)).contains("agents-plan.yaml").contains(root.toString());
  }

  private static Path example(Path root) throws Exception {
    Path example = Files.createDirectories(root.resolve(ExampleLocator.EXAMPLE));
    Files.writeString(example.resolve("agents-plan.yaml"), "version: 1\n");
    return example;
  }
}
