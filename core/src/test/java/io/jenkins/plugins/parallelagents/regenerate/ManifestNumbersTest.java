package io.jenkins.plugins.parallelagents.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers come out of a merged package.json as npm writes them. */
class ManifestNumbersTest {

  private static String manifest(String dependencies) {
    return """
        {
          "name": "app",
          "jest": {
            "timeoutMs": 1e4,
            "ratio": 2.0
          },
          "dependencies": {
            %s
          }
        }
        """
        .formatted(dependencies);
  }

  @Test
  void numbersInAKeyNeitherSideTouched_areWrittenAsNpmWouldWriteThem() {
    PackageManifestMerge.Merged merged =
        new PackageManifestMerge("package.json", "page")
            .merge(
                manifest("\"lodash\": \"^4.17.0\""),
                manifest("\"lodash\": \"^4.17.0\",\n    \"left-pad\": \"1.0.0\""),
                manifest("\"lodash\": \"^4.17.0\",\n    \"right-pad\": \"2.0.0\""));

    assertThat(merged.failure()).isNull();
    assertThat(merged.text())
        .as("as JSON.stringify writes them")
        .contains("\"timeoutMs\": 10000,")
        .contains("\"ratio\": 2\n");
  }
}
