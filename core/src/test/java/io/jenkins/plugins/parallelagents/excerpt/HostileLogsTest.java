package io.jenkins.plugins.parallelagents.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs a test command (or an agent) wrote to be awkward: the excerpt stays readable and small. */
class HostileLogsTest {

  @TempDir Path dir;

  @Test
  void bytesThatAreNotUtf8_doNotEmptyTheExcerpt() throws IOException {
    Path log = dir.resolve("test.log");
    try (OutputStream out = Files.newOutputStream(log)) {
      out.write("compiling\n".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
      out.write("--- FAIL: TestDigest (0.00s)\nFAIL\n".getBytes(StandardCharsets.UTF_8));
    }

    FailureExcerpt excerpt = FailureExcerpts.of(log);

    assertThat(excerpt.lastLines()).hasSize(4).startsWith("compiling").endsWith("FAIL");
    assertThat(excerpt.lastLines().get(1)).contains("\uFFFD");
    assertThat(excerpt.failingTests()).containsExactly("TestDigest");
  }

  @Test
  void aLogThatIsOneHugeLine_isCutAsItIsRead() throws IOException {
    Path log = dir.resolve("test.log");
    try (OutputStream out = Files.newOutputStream(log)) {
      byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 80; i++) { // 5 MiB, no line break
        out.write(chunk);
      }
    }

    FailureExcerpt excerpt = FailureExcerpts.of(log);

    assertThat(excerpt.lastLines()).hasSize(1);
    assertThat(excerpt.lastLines().get(0)).hasSize(LogLines.MAX_LINE + 2).endsWith(" …");
  }

  @Test
  void thousandsOfFailures_nameAtMostFifty_eachCutToTwoHundredCharacters() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("FAILED tests/test_").append(i).append("n".repeat(250)).append(".py::t - x\n");
    }
    Path log = Files.writeString(dir.resolve("test.log"), text);

    FailureExcerpt excerpt = FailureExcerpts.of(log);

    assertThat(excerpt.failingTests()).hasSize(FailingTests.MAX_NAMES);
    assertThat(excerpt.failingTests())
        .allSatisfy(name -> assertThat(name).hasSize(FailingTests.MAX_NAME + 1).endsWith("…"));
  }

  @Test
  void aMissingLog_givesAnEmptyExcerpt() {
    FailureExcerpt excerpt = FailureExcerpts.of(dir.resolve("never-written.log"));

    assertThat(excerpt.lastLines()).isEmpty();
    assertThat(excerpt.failingTests()).isEmpty();
  }
}
