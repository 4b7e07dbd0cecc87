package io.jenkins.plugins.parallelagents.plan;

import static io.jenkins.plugins.parallelagents.plan.PlanTexts.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidPlanTest {

  private static String resource(String name) throws Exception {
    try (InputStream in = ValidPlanTest.class.getResourceAsStream("/plans/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void designExample_parsesIntoRecordsWithDefaultsApplied() throws Exception {
    Plan plan = new PlanParser().parse(resource("design-example.yaml"), "agents-plan.yaml");

    assertThat(plan.source()).isEqualTo("agents-plan.yaml");
    assertThat(plan.version()).isEqualTo(1);
    assertThat(plan.name()).isEqualTo("notification-preferences");
    assertThat(plan.base()).isEqualTo("feature/notification-prefs");
    assertThat(plan.target()).isEqualTo("agents/notification-prefs");
    assertThat(plan.interfaces())
        .isEqualTo(
            "GET /api/users/:userId/notification-preferences ->"
                + " { \"preferences\": [ {type, channel, enabled} ] }\n");
    assertThat(plan.agents())
        .containsExactly(
            entry("codex", CommandSpec.shell("codex exec --full-auto \"$AGENT_PROMPT\"")),
            entry(
                "claude",
                CommandSpec.shell("claude -p \"$AGENT_PROMPT\" --permission-mode acceptEdits")),
            entry("script", CommandSpec.argv(List.of("./tools/agent.sh", "{task}"))));
    assertThat(plan.maxParallel()).isEqualTo(4);
    assertThat(plan.failFast()).isFalse();
    assertThat(plan.tasks())
        .containsExactly(
            new Task(
                "migration",
                "Database migration",
                true,
                List.of(),
                "Add the notification_preferences table ...\n",
                List.of(),
                "codex",
                Duration.ofMinutes(30),
                1,
                CommandSpec.shell("npm ci"),
                CommandSpec.shell("npm test"),
                null),
            new Task(
                "api",
                "api",
                false,
                List.of("migration"),
                "...",
                List.of("src/api/**", "test/api/**"),
                "codex",
                Duration.ofMinutes(30),
                3,
                CommandSpec.shell("npm ci"),
                CommandSpec.shell("npm test"),
                "linux && large"),
            new Task(
                "frontend",
                "frontend",
                false,
                List.of("api"),
                "...",
                List.of(),
                "codex",
                Duration.ofMinutes(30),
                1,
                CommandSpec.shell("npm ci"),
                CommandSpec.shell("npm test"),
                null));
    // onConflict is fail, so the named resolver is not used.
    assertThat(plan.merge()).isEqualTo(MergeSettings.DEFAULT);
    assertThat(plan.test())
        .isEqualTo(new TestSettings(CommandSpec.shell("npm test"), Duration.ofMinutes(30)));
    assertThat(plan.publish()).isEqualTo(new PublishSettings("origin", false));
    assertThat(plan.cleanup()).isEqualTo(new CleanupSettings(4, 10, 30));
  }

  private static java.util.Map.Entry<String, AgentProfile> entry(String name, CommandSpec command) {
    return java.util.Map.entry(name, new AgentProfile(name, command));
  }

  @Test
  void minimalPlan_getsBuiltInDefaults() throws Exception {
    Plan plan =
        parse(
            """
            version: 1
            name: demo
            tasks:
              - id: a
                prompt: do a
              - id: b
                prompt: do b
            """);

    assertThat(plan.base()).isNull();
    assertThat(plan.target()).isEqualTo("agents/demo");
    assertThat(plan.interfaces()).isEmpty();
    assertThat(plan.agents()).isEmpty();
    assertThat(plan.maxParallel()).isEqualTo(2);
    assertThat(plan.failFast()).isFalse();
    assertThat(plan.merge()).isEqualTo(MergeSettings.DEFAULT);
    assertThat(plan.test()).isNull();
    assertThat(plan.publish()).isEqualTo(PublishSettings.LOCAL_ONLY);
    assertThat(plan.cleanup()).isEqualTo(CleanupSettings.DEFAULT);
    Task a = plan.tasks().get(0);
    assertThat(a.title()).isEqualTo("a");
    assertThat(a.foundation()).isFalse();
    assertThat(a.agent()).isNull();
    assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.setup()).isNull();
    assertThat(a.verify()).isNull();
    assertThat(a.paths()).isEmpty();
    assertThat(a.label()).isNull();
  }

  @Test
  void taskFields_overrideDefaults() throws Exception {
    Plan plan =
        parse(
            """
            version: 1
            name: demo
            agents:
              codex: { command: codex }
              script: { command: [./agent.sh, "{task}"] }
            defaults:
              agent: codex
              timeout: 1h30m
              attempts: 2
              setup: npm ci
              verify: [npm, test]
              paths: ["src/**"]
              label: linux
            tasks:
              - id: inherits
                prompt: p
              - id: overrides
                prompt: p
                agent: script
                timeout: 90s
                attempts: 1
                setup: make
                verify: make check
                paths: []
                label: windows
            """);

    Task inherits = plan.task("inherits").orElseThrow();
    assertThat(inherits.agent()).isEqualTo("codex");
    assertThat(inherits.timeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(inherits.attempts()).isEqualTo(2);
    assertThat(inherits.setup()).isEqualTo(CommandSpec.shell("npm ci"));
    assertThat(inherits.verify()).isEqualTo(CommandSpec.argv(List.of("npm", "test")));
    assertThat(inherits.paths()).containsExactly("src/**");
    assertThat(inherits.label()).isEqualTo("linux");
    Task overrides = plan.task("overrides").orElseThrow();
    assertThat(overrides.agent()).isEqualTo("script");
    assertThat(overrides.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(overrides.attempts()).isEqualTo(1);
    assertThat(overrides.setup()).isEqualTo(CommandSpec.shell("make"));
    assertThat(overrides.verify()).isEqualTo(CommandSpec.shell("make check"));
    assertThat(overrides.paths()).isEmpty();
    assertThat(overrides.label()).isEqualTo("windows");
  }

  @Test
  void sections_areReadWithTheirOwnDefaults() throws Exception {
    Plan plan =
        parse(
            """
            version: 1
            name: demo
            target: release/combined
            failFast: true
            agents:
              claude: { command: claude }
            tasks:
              - id: a
                prompt: p
            merge:
              strategy: rebase
              onConflict: resolve
              resolver: claude
            test:
              command: [make, test]
              timeout: 10m
            publish:
              remote: origin
              force: true
            cleanup:
              keepDays: 0
              keepRuns: 3
              keepSnapshotsDays: 7
            """);

    assertThat(plan.target()).isEqualTo("release/combined");
    assertThat(plan.failFast()).isTrue();
    assertThat(plan.merge())
        .isEqualTo(new MergeSettings(MergeStrategy.REBASE, ConflictPolicy.RESOLVE, "claude"));
    assertThat(plan.test())
        .isEqualTo(
            new TestSettings(CommandSpec.argv(List.of("make", "test")), Duration.ofMinutes(10)));
    assertThat(plan.publish()).isEqualTo(new PublishSettings("origin", true));
    assertThat(plan.cleanup()).isEqualTo(new CleanupSettings(0, 3, 7));
  }

  @Test
  void testSection_withoutTimeout_getsThirtyMinutes() throws Exception {
    Plan plan =
        parse(
            """
            version: 1
            name: demo
            tasks: [{id: a, prompt: p}]
            test: {command: make test}
            """);

    assertThat(plan.test().timeout()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void jsonFile_isReadAsJson() throws Exception {
    String json =
        """
        {
          "version": 1,
          "name": "demo",
          "agents": {"codex": {"command": ["codex", "exec", "{prompt}"]}},
          "tasks": [
            {"id": "a", "prompt": "do a", "foundation": true},
            {"id": "b", "prompt": "do b", "needs": ["a"], "agent": "codex", "timeout": "2h"}
          ]
        }
        """;

    Plan plan = new PlanParser().parse(json, "plan.json");

    assertThat(plan.source()).isEqualTo("plan.json");
    assertThat(plan.foundationTasks()).extracting(Task::id).containsExactly("a");
    Task b = plan.task("b").orElseThrow();
    assertThat(b.needs()).containsExactly("a");
    assertThat(b.agent()).isEqualTo("codex");
    assertThat(b.timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(plan.agents().get("codex").command().argv())
        .containsExactly("codex", "exec", "{prompt}");
  }

  @Test
  void yamlWithOnlyJsonSyntax_isReadByTheYamlParserToo() throws Exception {
    Plan plan =
        parse(
            "{\"version\": 1, \"name\": \"demo\", \"tasks\": [{\"id\": \"a\", \"prompt\": \"p\"}]}");

    assertThat(plan.tasks()).extracting(Task::id).containsExactly("a");
  }

  @Test
  void parsePath_namesThePlanByThePathAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agents-plan.yaml");
    Files.writeString(file, resource("design-example.yaml"));

    Plan plan = new PlanParser().parse(file);

    assertThat(plan.source()).isEqualTo(file.toString());
    assertThat(plan.tasks()).hasSize(3);
  }

  @Test
  void yesAndNo_areTextAsInYaml12_soTheyCanBeLabels() throws Exception {
    Plan plan =
        parse(
            """
            version: 1
            name: demo
            tasks:
              - id: a
                prompt: yes
                label: on
            """);

    assertThat(plan.tasks().get(0).prompt()).isEqualTo("yes");
    assertThat(plan.tasks().get(0).label()).isEqualTo("on");
  }
}
