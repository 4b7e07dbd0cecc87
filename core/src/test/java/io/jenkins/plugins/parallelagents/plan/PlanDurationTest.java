package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanDurationTest {

  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "30m,PT30M", "2h,PT2H", "1h30m,PT1H30M", "1h0m5s,PT1H5S", "0h1s,PT1S"})
  void parse_unitForms_giveTheDuration(String text, String iso) {
    assertThat(PlanDuration.parse(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "90", "0s", "0h0m", "2d", "1.5h", "30m1h", "1h 30m", "h", "-5m", "30M"})
  void parse_otherForms_areRefused(String text) {
    assertThat(PlanDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"PT1M30S,1m30s", "PT30M,30m", "PT2H,2h", "PT1H0M5S,1h5s", "PT0S,0s"})
  void format_writesThePlansOwnForm(String iso, String text) {
    assertThat(PlanDuration.format(Duration.parse(iso))).isEqualTo(text);
  }
}
