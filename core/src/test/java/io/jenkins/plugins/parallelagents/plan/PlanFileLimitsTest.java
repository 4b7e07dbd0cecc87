package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not plans, or are too much of one, are refused before they cost anything. */
class PlanFileLimitsTest {

  private static final String VALID =
      "version: 1\nname: demo\ntasks:\n  - id: a\n    prompt: do it\n";

  @TempDir Path dir;

  @Test
  void regularFile_withinTheLimit_isRead() throws Exception {
    Path file = Files.writeString(dir.resolve("agents-plan.yaml"), VALID);

    assertThat(new PlanParser().parse(file).tasks()).hasSize(1);
  }

  // Without the type check, opening the pipe waits for a writer forever, in native code that no
  // interrupt reaches: the test runs on a thread of its own that the timeout can abandon.
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void pipe_isRefusedWithoutBeingOpened() throws Exception {
    Path fifo = dir.resolve("agents-plan.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertThat(fileProblems(fifo))
        .containsExactly(
            fifo + ": is not a regular file (a pipe or a device, say); a plan is read from a file");
  }

  @Test
  void endlessDevice_isRefusedWithoutBeingRead() throws Exception {
    Path zero = Path.of("/dev/zero");

    assertThat(fileProblems(zero))
        .containsExactly(
            "/dev/zero: is not a regular file (a pipe or a device, say); a plan is read from a file");
  }

  @Test
  void folder_isRefused() throws Exception {
    assertThat(fileProblems(dir)).containsExactly(dir + ": is a folder, not a plan file");
  }

  @Test
  void missingFile_isRefused() throws Exception {
    Path missing = dir.resolve("nowhere.yaml");

    assertThat(fileProblems(missing)).containsExactly(missing + ": no such plan file");
  }

  @Test
  void fileOverTheLimit_isRefusedByItsSize() throws Exception {
    Path file = dir.resolve("agents-plan.yaml");
    Files.writeString(file, VALID + "interfaces: " + "x".repeat(PlanParser.MAX_BYTES) + "\n");

    assertThat(fileProblems(file))
        .containsExactly(
            file
                + ": the plan is "
                + Files.size(file)
                + " bytes; a plan may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void textOverTheLimit_isRefusedByItsLength() {
    String text = VALID + "interfaces: " + "x".repeat(PlanParser.MAX_BYTES) + "\n";

    assertThat(problems(text))
        .containsExactly(
            "agents-plan.yaml: the plan is "
                + text.length()
                + " characters; a plan may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void bytesThatAreNotUtf8_areRefused() throws Exception {
    Path file = dir.resolve("agents-plan.yaml");
    byte[] text = VALID.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
    bytes[text.length] = (byte) 0xC3; // a lead byte without its continuation
    bytes[text.length + 1] = (byte) 0x28;
    Files.write(file, bytes);

    assertThat(fileProblems(file))
        .containsExactly(file + ": is not UTF-8 text; a plan is a YAML or JSON text file");
  }

  @Test
  void deepNesting_isOneProblemWhereItGoesTooDeep() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(problems("version: 1\nname: demo\ninterfaces: " + deep + "\n"))
        .containsExactly(
            "agents-plan.yaml:3:28: values nest more than 16 levels deep here;"
                + " a plan needs far fewer");
  }

  @Test
  void deepNesting_inJson_isOneProblemWhereItGoesTooDeep() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(problems("{\"version\": 1, \"name\": " + deep + "}", "plan.json"))
        .containsExactly(
            "plan.json:1:39: values nest more than 16 levels deep here; a plan needs far fewer");
  }

  private static List<String> fileProblems(Path file) throws IOException {
    InvalidPlanException invalid =
        catchThrowableOfType(InvalidPlanException.class, () -> new PlanParser().parse(file));
    assertThat(invalid).as("the file is refused").isNotNull();
    return invalid.problems().stream().map(PlanProblem::toString).toList();
  }
}
