package io.jenkins.plugins.parallelagents.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageManifestMergeTest {

  private static final String BASE =
      """
      {
        "name": "app",
        "version": "1.0.0",
        "scripts": {
          "test": "node test.js"
        },
        "dependencies": {
          "lodash": "^4.17.0"
        }
      }
      """;

  private final PackageManifestMerge merge = new PackageManifestMerge("package.json", "page");

  private static String withDependencies(String dependencies) {
    return BASE.replace("\"lodash\": \"^4.17.0\"", dependencies);
  }

  @Test
  void packagesAddedOnBothSides_areAllKept_oursFirst_writtenAsNpmWritesThem() {
    PackageManifestMerge.Merged merged =
        merge.merge(
            BASE,
            withDependencies("\"lodash\": \"^4.17.0\",\n    \"left-pad\": \"1.0.0\""),
            withDependencies("\"lodash\": \"^4.17.0\",\n    \"right-pad\": \"2.0.0\""));

    assertThat(merged.failure()).isNull();
    assertThat(merged.text())
        .isEqualTo(
            withDependencies(
                "\"lodash\": \"^4.17.0\",\n    \"left-pad\": \"1.0.0\",\n"
                    + "    \"right-pad\": \"2.0.0\""));
  }

  @Test
  void aPackageChangedOnOneSide_isTaken_andOneRemovedOnTheOtherStaysRemoved() {
    String ours = withDependencies("\"lodash\": \"^4.17.21\",\n    \"chalk\": \"5.0.0\"");
    String base = withDependencies("\"lodash\": \"^4.17.0\",\n    \"chalk\": \"5.0.0\"");
    String theirs = withDependencies("\"lodash\": \"^4.17.0\"");

    assertThat(merge.merge(base, ours, theirs).text())
        .isEqualTo(withDependencies("\"lodash\": \"^4.17.21\""));
  }

  @Test
  void theSameVersionChosenOnBothSides_isNoClash() {
    String both = withDependencies("\"lodash\": \"^4.17.21\"");

    assertThat(merge.merge(BASE, both, both).text()).isEqualTo(both);
  }

  @Test
  void onePackageChangedToTwoVersions_isAClash_namingThePackageAndBothVersions() {
    PackageManifestMerge.Merged merged =
        merge.merge(
            BASE,
            withDependencies("\"lodash\": \"^4.17.21\""),
            withDependencies("\"lodash\": \"^3.10.0\""));

    assertThat(merged.text()).isNull();
    assertThat(merged.failure())
        .isEqualTo("package.json: 'lodash' is ^4.17.21 in the combination and ^3.10.0 in 'page'");
  }

  @Test
  void aPackageRemovedOnOneSide_andChangedOnTheOther_isAClash() {
    PackageManifestMerge.Merged merged =
        merge.merge(
            BASE, withDependencies("\"lodash\": \"^4.18.0\""), withDependencies("\"x\": \"1\""));

    assertThat(merged.failure())
        .isEqualTo("package.json: 'lodash' is ^4.18.0 in the combination and removed in 'page'");
  }

  @Test
  void scriptsChangedDifferentlyOnBothSides_isAClash_namingTheKey() {
    PackageManifestMerge.Merged merged =
        merge.merge(
            BASE, BASE.replace("node test.js", "jest"), BASE.replace("node test.js", "mocha"));

    assertThat(merged.text()).isNull();
    assertThat(merged.failure())
        .isEqualTo(
            "package.json: 'scripts' was changed both in the combination and in 'page',"
                + " differently");
  }

  @Test
  void otherKeysChangedOnOneSideEach_areBothTaken_newKeysOfTheirsLast() {
    String ours = BASE.replace("1.0.0", "1.1.0");
    String theirs =
        BASE.replace("node test.js", "mocha").replace("\n}\n", ",\n  \"private\": true\n}\n");

    assertThat(merge.merge(BASE, ours, theirs).text())
        .isEqualTo(
            BASE.replace("1.0.0", "1.1.0")
                .replace("node test.js", "mocha")
                .replace("\n}\n", ",\n  \"private\": true\n}\n"));
  }

  @Test
  void bothSidesAddingTheFile_mergeFromNothing() {
    String ours = "{\"name\":\"app\",\"dependencies\":{\"a\":\"1\"}}";
    String theirs = "{\"name\":\"app\",\"dependencies\":{\"b\":\"2\"},\"files\":[]}";

    assertThat(merge.merge(null, ours, theirs).text())
        .isEqualTo(
            "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1\",\n"
                + "    \"b\": \"2\"\n  },\n  \"files\": []\n}\n");
  }

  @Test
  void arraysAndEmptyObjects_areLaidOutAsNpmDoes() {
    String text = "{\n  \"files\": [\n    \"lib\",\n    \"bin\"\n  ],\n  \"config\": {}\n}\n";

    assertThat(merge.merge(text, text, text).text()).isEqualTo(text);
  }

  @Test
  void invalidJsonOnTheirSide_isNotMerged_namingTheSideAndWhere() {
    PackageManifestMerge.Merged merged =
        merge.merge(BASE, BASE, "{\n  \"name\": \"app\",\n  \"version\" 1\n}\n");

    assertThat(merged.text()).isNull();
    assertThat(merged.failure())
        .startsWith("package.json is not valid JSON in 'page': ")
        .endsWith("(line 3, column 13)");
  }

  @Test
  void invalidJsonInTheCombination_isNotMerged() {
    assertThat(merge.merge(BASE, BASE + "}", BASE).failure())
        .startsWith("package.json is not valid JSON in the combination: ");
  }

  @Test
  void aKeyWrittenTwice_isNotMerged() {
    assertThat(merge.merge(BASE, BASE, "{\"name\": \"a\", \"name\": \"b\"}").failure())
        .startsWith("package.json is not valid JSON in 'page': Duplicate field 'name'");
  }

  @Test
  void aManifestThatIsNoObject_isNotMerged() {
    assertThat(merge.merge(BASE, "[]", BASE).failure())
        .isEqualTo("package.json in the combination is not a JSON object");
  }
}
