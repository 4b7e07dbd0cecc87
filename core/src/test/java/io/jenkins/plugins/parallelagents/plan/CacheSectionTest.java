package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static io.jenkins.plugins.parallelagents.plan.PlanTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSectionTest {

  private static final String HEAD = "version: 1\nname: demo\ntasks: [{id: a, prompt: p}]\n";

  @Test
  void noSection_noCache() throws Exception {
    assertThat(parse(HEAD).cache()).isNull();
  }

  @Test
  void keyAndPaths_areRead() throws Exception {
    Plan plan =
        parse(HEAD + "cache:\n  key: [package-lock.json]\n  paths: [.npm, web/node_modules]\n");

    assertThat(plan.cache())
        .isEqualTo(
            new CacheSettings(List.of("package-lock.json"), List.of(".npm", "web/node_modules")));
  }

  @Test
  void aPathLeadingOutOfTheRepository_isReportedAtTheItem() {
    assertThat(problems(HEAD + "cache:\n  key: [package-lock.json]\n  paths: [.npm, ../outside]\n"))
        .containsExactly(
            "agents-plan.yaml:6:17: cache: 'paths' item '../outside' leads out of the repository"
                + " ('..')");
  }

  @Test
  void aFolderNamedTwice_isReportedAtTheLaterItem() {
    assertThat(
            problems(HEAD + "cache:\n  key: [package-lock.json]\n  paths: [.npm, .npm/_cacache]\n"))
        .containsExactly(
            "agents-plan.yaml:6:17: cache: 'paths' item '.npm/_cacache' is also '.npm' or under it:"
                + " name each folder once");
  }

  @Test
  void absoluteAndGitPaths_areRefused() {
    assertThat(problems(HEAD + "cache:\n  key: [/etc/passwd]\n  paths: [.git/hooks, ./]\n"))
        .containsExactly(
            "agents-plan.yaml:5:9: cache: 'key' item '/etc/passwd' is absolute; give a path inside"
                + " the repository",
            "agents-plan.yaml:6:11: cache: 'paths' item '.git/hooks' is inside git's own folder",
            "agents-plan.yaml:6:23: cache: 'paths' item './' is the whole repository");
  }

  @Test
  void emptyOrMissingLists_areReported() {
    assertThat(problems(HEAD + "cache:\n  key: []\n  paths: [.npm]\n"))
        .containsExactly(
            "agents-plan.yaml:5:8: cache: 'key' is an empty list; name the files whose contents"
                + " name an entry");
    assertThat(problems(HEAD + "cache:\n  key: [package-lock.json]\n"))
        .containsExactly(
            "agents-plan.yaml:5:3: cache has no 'paths' (what setup makes that is reused)");
  }
}
