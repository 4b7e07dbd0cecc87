package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.GitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a captured command (git) prints comes back exactly as printed, and a captured command can
 * neither run for ever nor fill the engine's memory.
 */
@Timeout(120)
class CapturedOutputTest {

  @TempDir Path dir;

  private final LocalCommandRunner small =
      new LocalCommandRunner(
          System.getenv(),
          UnaryOperator.identity(),
          UnaryOperator.identity(),
          OutputLimits.DEFAULT,
          new CaptureLimits(1024 * 1024, Duration.ofSeconds(1)));

  @AfterEach
  void close() {
    small.close();
  }

  @Test
  void capturedOutput_keepsCarriageReturnsAndNulsByteForByte() {
    LocalCommandRunner runner = new LocalCommandRunner(System.getenv());

    CommandResult result =
        runner.run(
            CommandRequest.captured(
                dir,
                List.of(
                    "sh",
                    "-c",
                    "printf '+x\\rtoken: abc\\n\\0a\\rb\\0\\r\\n'; printf 'e\\rf' >&2")));
    runner.close();

    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("+x\rtoken: abc\n\0a\rb\0\r\n");
    assertThat(result.stderr()).isEqualTo("e\rf");
  }

  @Test
  void diffOfALineWithALoneCarriageReturn_comesBackAsOneAddedLine() throws Exception {
    LocalCommandRunner runner = new LocalCommandRunner(System.getenv());
    Git git = new Git(runner, Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"));
    git.output(dir, "init", "-q");
    Files.writeString(dir.resolve("conf.txt"), "x\rtoken: secret-value\n");
    git.output(dir, "add", "conf.txt");

    String diff = git.output(dir, "diff", "--cached", "--no-color");
    runner.close();

    // split at LF only: String.lines() would itself break at the CR
    assertThat(Arrays.stream(diff.split("\n")).filter(l -> l.startsWith("+x")))
        .containsExactly("+x\rtoken: secret-value");
  }

  @Test
  void capturedCommandPrintingPastTheLimit_isStoppedAndFailsSayingWhy() {
    CommandResult result = small.run(CommandRequest.captured(dir, List.of("yes")));

    assertThat(result.ok()).isFalse();
    assertThat(result.stdout().length()).isLessThanOrEqualTo(1024 * 1024);
    assertThat(result.stderr()).contains("printed more than 1 MiB").contains("stopped");
  }

  @Test
  void capturedCommandExitingZeroAfterPrintingPastTheLimit_stillFails() {
    CommandResult result =
        small.run(CommandRequest.captured(dir, List.of("sh", "-c", "head -c 3000000 /dev/zero")));

    assertThat(result.ok()).isFalse();
    assertThat(result.stderr()).contains("printed more than 1 MiB");
  }

  @Test
  void capturedCommandWithoutATimeout_isKilledWithItsChildrenAfterTheDefaultOne() throws Exception {
    CommandResult result =
        small.run(
            CommandRequest.captured(
                dir, List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait")));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.ok()).isFalse();
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
    assertThat(ProcessLifetimeTest.stopsWithin10s(child)).as("the hanging child").isTrue();
  }

  @Test
  void gitCallThatHangs_failsWithAnExceptionSayingItTimedOut() {
    Git git = new Git(small, Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"));
    git.output(dir, "init", "-q");

    assertThatThrownBy(() -> git.output(dir, "-c", "alias.hang=!sleep 300", "hang"))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("timed out")
        .hasMessageContaining("killed");
  }
}
