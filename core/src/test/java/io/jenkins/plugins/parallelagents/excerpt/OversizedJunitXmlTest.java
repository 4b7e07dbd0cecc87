package io.jenkins.plugins.parallelagents.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JUnit XML report the test left that is larger than any real one is not read: one huge attribute
 * is held whole by the parser, and a test (agent code) can write a file of any size to exhaust the
 * engine's memory.
 */
class OversizedJunitXmlTest {

  @TempDir Path temp;

  @Test
  void aReportLargerThanTheBound_isNotRead_whileOneBelowItIs() throws Exception {
    Path reports = Files.createDirectories(temp.resolve("target/surefire-reports"));
    Path huge = reports.resolve("TEST-huge.xml");
    try (BufferedWriter out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      out.write("<testsuite><testcase classname=\"Huge\" name=\"");
      char[] chunk = new char[1 << 20];
      Arrays.fill(chunk, 'A');
      for (long written = 0; written <= JunitXmlFiles.MAX_BYTES; written += chunk.length) {
        out.write(chunk);
      }
      out.write("\"><failure/></testcase></testsuite>\n");
    }
    Files.writeString(
        reports.resolve("TEST-small.xml"),
        "<testsuite><testcase classname=\"Small\" name=\"fails\"><failure/></testcase>"
            + "</testsuite>\n");

    assertThat(JunitXmlFiles.find(temp, Instant.EPOCH))
        .containsExactly(reports.resolve("TEST-small.xml"));
  }
}
