package io.jenkins.plugins.parallelagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderMaskerTest {

  private static final String SECRET = "s3cr3t-Value/with+\"quote\"";

  @TempDir Path temp;

  private final FolderMasker masker = new FolderMasker(List.of(SECRET));

  @Test
  void aSecretInALogAndInADiff_isMasked_andTheRestIsKept() throws Exception {
    Path task = Files.createDirectories(temp.resolve("runs/r1/tasks/api"));
    Files.writeString(task.resolve("agent.log"), "line 1\nusing " + SECRET + " now\nline 3\n");
    Files.writeString(
        task.resolve("diff.patch"), "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+token=" + SECRET + "\n");
    Files.writeString(task.resolve("verify.log"), "nothing to hide\n");

    int masked = masker.maskUnder(temp.resolve("runs/r1"));

    assertThat(masked).isEqualTo(2);
    assertThat(task.resolve("agent.log")).hasContent("line 1\nusing **** now\nline 3\n");
    assertThat(task.resolve("diff.patch"))
        .hasContent("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+token=****\n");
    assertThat(task.resolve("verify.log")).hasContent("nothing to hide\n");
    assertThat(leftovers(temp)).isEmpty();
  }

  @Test
  void theSecretsEscapedFormsInReports_areMasked() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    // How Jackson and the HTML report write the value.
    Files.writeString(
        run.resolve("report.json"), "{\"reason\":\"s3cr3t-Value/with+\\\"quote\\\"\"}");
    Files.writeString(run.resolve("report.html"), "<p>s3cr3t-Value/with+&quot;quote&quot;</p>");

    masker.maskUnder(run);

    assertThat(run.resolve("report.json")).hasContent("{\"reason\":\"****\"}");
    assertThat(run.resolve("report.html")).hasContent("<p>****</p>");
  }

  @Test
  void aSecretSplitAcrossTheReadBoundary_isStillMasked() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    // One file for each place the end of the first chunk can cut the value.
    for (int cut = 1; cut < SECRET.length(); cut++) {
      String before = "x".repeat(FolderMasker.CHUNK - cut);
      Files.writeString(run.resolve("cut-" + cut + ".log"), before + SECRET + "tail");
    }

    int masked = masker.maskUnder(run);

    assertThat(masked).isEqualTo(SECRET.length() - 1);
    for (int cut = 1; cut < SECRET.length(); cut++) {
      assertThat(Files.readString(run.resolve("cut-" + cut + ".log")))
          .isEqualTo("x".repeat(FolderMasker.CHUNK - cut) + "****tail");
    }
  }

  @Test
  void aBigLog_isMaskedAcrossManyChunks() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    String line = "some output of the agent " + SECRET + " and more\n";
    int lines = 3 * FolderMasker.CHUNK / line.length();
    Files.writeString(run.resolve("agent.log"), line.repeat(lines));

    masker.maskUnder(run);

    assertThat(Files.readString(run.resolve("agent.log")))
        .isEqualTo("some output of the agent **** and more\n".repeat(lines));
  }

  @Test
  void aLinkToAFileOutsideTheFolder_leavesItsTargetUntouched() throws Exception {
    Path outside = temp.resolve("outside.txt");
    Files.writeString(outside, "keep " + SECRET + "\n");
    Path outsideFolder = Files.createDirectories(temp.resolve("elsewhere"));
    Files.writeString(outsideFolder.resolve("notes.txt"), SECRET);
    Path run = Files.createDirectories(temp.resolve("run"));
    Files.createSymbolicLink(run.resolve("agent.log"), outside);
    Files.createSymbolicLink(run.resolve("tasks"), outsideFolder);

    int masked = masker.maskUnder(run);

    assertThat(masked).isZero();
    assertThat(outside).hasContent("keep " + SECRET + "\n");
    assertThat(outsideFolder.resolve("notes.txt")).hasContent(SECRET);
    assertThat(Files.isSymbolicLink(run.resolve("agent.log"))).isTrue();
  }

  @Test
  void aFolderThatIsALink_isLeftAlone() throws Exception {
    Path outsideFolder = Files.createDirectories(temp.resolve("elsewhere"));
    Files.writeString(outsideFolder.resolve("notes.txt"), SECRET);
    Path runs = Files.createDirectories(temp.resolve("runs"));
    Files.createSymbolicLink(runs.resolve("r1"), outsideFolder);

    assertThat(masker.maskUnder(runs.resolve("r1"))).isZero();
    assertThat(outsideFolder.resolve("notes.txt")).hasContent(SECRET);
  }

  @Test
  void shortValues_areNotMasked_asTheRedactorLeavesThem() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    Files.writeString(run.resolve("test.log"), "Tests run: 12, true\n");

    int masked = new FolderMasker(List.of("true", "12")).maskUnder(run);

    assertThat(masked).isZero();
    assertThat(run.resolve("test.log")).hasContent("Tests run: 12, true\n");
  }

  @Test
  void bytesThatAreNotUtf8_comeOutAsTheyWentIn() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    byte[] before = {(byte) 0xff, (byte) 0xfe, 'a', (byte) 0xc3};
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(before);
    content.write(("é " + SECRET).getBytes(StandardCharsets.UTF_8));
    content.write(before);
    Files.write(run.resolve("agent.log"), content.toByteArray());

    masker.maskUnder(run);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(before);
    expected.write("é ****".getBytes(StandardCharsets.UTF_8));
    expected.write(before);
    assertThat(Files.readAllBytes(run.resolve("agent.log"))).isEqualTo(expected.toByteArray());
  }

  @Test
  void aMaskedFile_keepsItsPermissions_andAnUntouchedFileIsNotRewritten() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    Path log = Files.writeString(run.resolve("agent.log"), SECRET);
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
    Path clean = Files.writeString(run.resolve("setup.log"), "ok\n");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(clean, old);

    masker.maskUnder(run);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-r-----");
    assertThat(Files.getLastModifiedTime(clean)).isEqualTo(old);
  }

  @Test
  void aMultiLineSecret_isMaskedLineByLine() throws Exception {
    String key = "-----BEGIN KEY-----\nAAAAbbbbCCCCdddd\nEEEEffffGGGGhhhh\n-----END KEY-----\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new FolderMasker(List.of(key))
        .copyMasked(
            new ByteArrayInputStream("+AAAAbbbbCCCCdddd\n".getBytes(StandardCharsets.UTF_8)), out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("+****\n");
  }

  @Test
  void noSecrets_orNoFolder_maskNothing() throws Exception {
    Path run = Files.createDirectories(temp.resolve("run"));
    Files.writeString(run.resolve("agent.log"), SECRET);

    assertThat(new FolderMasker(List.of()).maskUnder(run)).isZero();
    assertThat(masker.maskUnder(temp.resolve("missing"))).isZero();
    assertThat(run.resolve("agent.log")).hasContent(SECRET);
  }

  private static List<Path> leftovers(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(FolderMasker.TEMP_SUFFIX)).toList();
    }
  }
}
