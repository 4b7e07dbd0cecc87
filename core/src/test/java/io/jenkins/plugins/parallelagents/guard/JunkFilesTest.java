package io.jenkins.plugins.parallelagents.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JunkFilesTest {

  private final JunkFiles junk = new JunkFiles(List.of("*.tmp", "out/**"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".env",
        "config/.env.production",
        "server.log",
        "npm-debug.log.12345",
        "yarn-error.log",
        "node_modules/left-pad/index.js",
        "web/node_modules/x.js",
        "dist/app.js",
        "packages/ui/build/index.html",
        "coverage/lcov.info",
        "src/__pycache__/a.cpython-311.pyc",
        "app.js.map",
        "assets/.DS_Store",
        "scratch.tmp",
        "out/result.txt",
      })
  void artefacts_areJunk(String path) {
    assertThat(junk.match(path)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".env.example",
        "config/.env.sample",
        "src/app.js",
        "docs/build.md",
        "src/distance.js",
        "logs.md",
        "mapper.java",
        "src/out/result.txt",
      })
  void sourcesAndTemplates_areNotJunk(String path) {
    assertThat(junk.match(path)).isNull();
  }

  @Test
  void match_namesThePattern() {
    assertThat(junk.match("dist/app.js.map")).isEqualTo("**/dist/**");
  }
}
