package io.jenkins.plugins.parallelagents.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargeFilesTest {

  @Test
  void quotedPaths_areReadBackByteForByte() {
    assertThat(LargeFiles.unquote("\"big\\rname.bin\"")).isEqualTo("big\rname.bin");
    assertThat(LargeFiles.unquote("\"a\\tb\\303\\274 \\\"q\\\" \\\\\""))
        .isEqualTo("a\tbü \"q\" \\");
    assertThat(LargeFiles.unquote("plain name.txt")).isEqualTo("plain name.txt");
  }
}
