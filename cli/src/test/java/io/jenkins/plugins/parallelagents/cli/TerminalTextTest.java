package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void clean_dropsColoursAndControlCharacters() {
    assertThat(TerminalText.clean("\u001B[1;32mok\u001B[0m\tdone\u0007")).isEqualTo("ok done");
  }

  @Test
  void clean_keepsWhatAProgressBarShowsLast() {
    assertThat(TerminalText.clean("10%\r50%\r100% done")).isEqualTo("100% done");
  }

  @Test
  void truncate_marksTheCut() {
    assertThat(TerminalText.truncate("abcdefghij", 8)).isEqualTo("abcde...");
    assertThat(TerminalText.truncate("abc", 8)).isEqualTo("abc");
  }

  @Test
  void durations_readAsPeopleSayThem() {
    assertThat(Durations.format(6_149)).isEqualTo("6.1s");
    assertThat(Durations.format(123_000)).isEqualTo("2m03s");
    assertThat(Durations.format(3_720_000)).isEqualTo("1h02m");
  }
}
