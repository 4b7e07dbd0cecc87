package io.jenkins.plugins.parallelagents.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped JSON schema must describe exactly what the parser accepts. */
class PlanSchemaTest {

  private static JsonNode schema;

  @BeforeAll
  static void readSchema() throws Exception {
    Path module = Path.of(System.getProperty("basedir", "."));
    Path file = module.resolve("../schema/agents-plan.schema.json").normalize();
    // Reading with Jackson fails the test if the file is not valid JSON, or names a key twice (an
    // editor would silently take one of the two and ignore the other).
    schema =
        new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readTree(file.toFile());
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.get("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static JsonNode def(String name) {
    return schema.get("$defs").get(name);
  }

  private static JsonNode section(String name) {
    return schema.get("properties").get(name);
  }

  @Test
  void schema_isDraft2020() {
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void schema_listsExactlyTheKeysTheParserAccepts() {
    assertThat(keys(schema)).isEqualTo(PlanKeys.TOP_LEVEL);
    assertThat(keys(def("task"))).isEqualTo(PlanKeys.TASK);
    assertThat(keys(def("defaults"))).isEqualTo(PlanKeys.DEFAULTS);
    assertThat(keys(def("agent"))).isEqualTo(PlanKeys.AGENT);
    assertThat(keys(section("merge"))).isEqualTo(PlanKeys.MERGE);
    assertThat(keys(section("test"))).isEqualTo(PlanKeys.TEST);
    assertThat(keys(section("cache"))).isEqualTo(PlanKeys.CACHE);
    assertThat(keys(section("environment"))).isEqualTo(PlanKeys.ENVIRONMENT);
    assertThat(keys(section("publish"))).isEqualTo(PlanKeys.PUBLISH);
    assertThat(keys(section("cleanup"))).isEqualTo(PlanKeys.CLEANUP);
    assertThat(keys(section("guard"))).isEqualTo(PlanKeys.GUARD);
    assertThat(keys(section("environment"))).isEqualTo(PlanKeys.ENVIRONMENT);
    assertThat(keys(section("environment").get("properties").get("database")))
        .isEqualTo(PlanKeys.DATABASE);
  }

  @Test
  void schema_refusesUnknownKeysEverywhere() {
    for (JsonNode object :
        List.of(
            schema,
            def("task"),
            def("defaults"),
            def("agent"),
            section("merge"),
            section("test"),
            section("cache"),
            section("environment"),
            section("publish"),
            section("cleanup"),
            section("guard"),
            section("environment"),
            section("environment").get("properties").get("database"))) {
      assertThat(object.get("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @Test
  void schema_requiresWhatTheParserRequires() {
    assertThat(schema.get("required"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("version", "name", "tasks");
    assertThat(def("task").get("required"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("id", "prompt");
    assertThat(def("agent").get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("command");
    assertThat(section("test").get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("command");
    assertThat(section("environment").get("properties").get("database").get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("url");
  }

  @Test
  void schema_patternsAreTheParsersPatterns() {
    JsonNode task = def("task").get("properties");
    assertThat(section("name").get("pattern").asText()).isEqualTo(PlanParser.NAME_PATTERN);
    assertThat(section("target").get("pattern").asText()).isEqualTo(BranchName.PATTERN);
    assertThat(task.get("id").get("pattern").asText()).isEqualTo(TaskReader.ID_PATTERN);
    assertThat(task.get("needs").get("items").get("pattern").asText())
        .isEqualTo(TaskReader.ID_PATTERN);
    assertThat(def("duration").get("pattern").asText()).isEqualTo(PlanDuration.PATTERN);
    JsonNode guard = section("guard").get("properties");
    assertThat(guard.get("maxFileSize").get("oneOf").get(1).get("pattern").asText())
        .isEqualTo(PlanSize.PATTERN);
    assertThat(
            section("environment")
                .get("properties")
                .get("carry")
                .get("items")
                .get("pattern")
                .asText())
        .isEqualTo(CarrySettings.PATTERN);
    assertThat(guard.get("redact").get("items").get("pattern").asText())
        .isEqualTo(SettingsReader.VARIABLE_NAME_PATTERN);
    assertThat(
            section("environment")
                .get("properties")
                .get("database")
                .get("properties")
                .get("variables")
                .get("items")
                .get("pattern")
                .asText())
        .isEqualTo(SettingsReader.VARIABLE_NAME_PATTERN);
    assertThat(section("publish").get("properties").get("remote").get("pattern").asText())
        .isEqualTo(SettingsReader.REMOTE_PATTERN);
  }

  @Test
  void schema_maximumsAreTheParsersMaximums() {
    JsonNode task = def("task").get("properties");
    assertThat(task.get("attempts").get("maximum").asInt()).isEqualTo(Task.MAX_ATTEMPTS);
    assertThat(task.get("id").get("maxLength").asInt()).isEqualTo(TaskReader.ID_MAX_LENGTH);
    assertThat(task.get("needs").get("items").get("maxLength").asInt())
        .isEqualTo(TaskReader.ID_MAX_LENGTH);
    assertThat(section("target").get("maxLength").asInt()).isEqualTo(BranchName.MAX_BYTES);
  }

  @Test
  void schema_mergeChoicesAreTheEnumConstants() {
    JsonNode merge = section("merge").get("properties");
    assertThat(merge.get("strategy").get("enum"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(lowerCase(MergeStrategy.values()));
    assertThat(merge.get("onConflict").get("enum"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(lowerCase(ConflictPolicy.values()));
  }

  @Test
  void schema_minimumsAreTheParsersMinimums() {
    assertThat(section("maxParallel").get("minimum").asInt()).isEqualTo(1);
    assertThat(def("task").get("properties").get("attempts").get("minimum").asInt()).isEqualTo(1);
    JsonNode cleanup = section("cleanup").get("properties");
    assertThat(cleanup.get("keepDays").get("minimum").asInt()).isZero();
    assertThat(cleanup.get("keepRuns").get("minimum").asInt()).isEqualTo(1);
    assertThat(cleanup.get("keepSnapshotsDays").get("minimum").asInt()).isZero();
  }

  @Test
  void schema_portsAreThePortsThePlanAccepts() {
    JsonNode ports = section("environment").get("properties").get("ports");
    assertThat(ports.get("propertyNames").get("pattern").asText())
        .isEqualTo(PortSettings.NAME_PATTERN);
    assertThat(ports.get("additionalProperties").get("minimum").asInt())
        .isEqualTo(PortSettings.MIN_PORT);
    assertThat(ports.get("additionalProperties").get("maximum").asInt())
        .isEqualTo(PortSettings.MAX_PORT);
  }

  private static List<String> lowerCase(Enum<?>[] constants) {
    return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
  }
}
