package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> KEYS =
      List.of("id", "needs", "prompt", "timeout", "onConflict");

  @Test
  void closest_missingLetter_isFound() {
    assertThat(Suggestions.closest("need", KEYS)).contains("needs");
    assertThat(Suggestions.closest("timout", KEYS)).contains("timeout");
  }

  @Test
  void closest_swappedLetters_countAsOneEdit() {
    assertThat(Suggestions.distance("nedes", "needs")).isEqualTo(1);
    assertThat(Suggestions.closest("nedes", KEYS)).contains("needs");
  }

  @Test
  void closest_otherCase_isFound() {
    assertThat(Suggestions.closest("onconflict", KEYS)).contains("onConflict");
  }

  @Test
  void closest_unrelatedOrTooShort_isNothing() {
    assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
    assertThat(Suggestions.closest("b", List.of("a"))).isEmpty();
    assertThat(Suggestions.hint("xy", KEYS)).isEmpty();
  }
}
