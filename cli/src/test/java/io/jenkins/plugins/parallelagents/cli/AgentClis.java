package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.cli.modelserver.ScriptedModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real agent CLIs pinned in tools/agent-clis (Claude Code, Codex CLI, Gemini CLI), pointed at a
 * {@link ScriptedModelServer} on 127.0.0.1. Their tests skip, with the reason, where the CLIs are
 * not installed; with {@code PARALLEL_AGENTS_REQUIRE_AGENT_CLIS} set (CI) they fail instead.
 */
final class AgentClis {

  /** The checkout this module is in: surefire runs the tests in cli/. */
  static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

  static final Path BIN = CHECKOUT.resolve("tools/agent-clis/node_modules/.bin");

  /** Test keys: the engine masks them in logs like any real one. */
  static final String ANTHROPIC_KEY = "sk-ant-api03-scripted-test-key";

  static final String OPENAI_KEY = "sk-proj-scripted-test-key";
  static final String GEMINI_KEY = "scripted-gemini-test-key";

  private AgentClis() {}

  static void assumeInstalled() {
    for (String cli : List.of("claude", "codex", "gemini")) {
      if (!Files.isExecutable(BIN.resolve(cli))) {
        String missing =
            cli
                + " is not installed in tools/agent-clis: run npm ci --no-audit --no-fund --prefix"
                + " tools/agent-clis";
        if (System.getenv("PARALLEL_AGENTS_REQUIRE_AGENT_CLIS") != null) {
          assertThat(missing).as("the real agent CLI tests are required here").isNull();
        }
        Assumptions.abort(missing);
      }
    }
  }

  /**
   * A host for a run in {@code repo} whose agents find the CLIs on the PATH, talk to {@code server}
   * with test keys, keep their state under {@code home} (never the machine's ~/.claude, ~/.codex or
   * ~/.gemini) and send nothing else: no telemetry, no update check.
   */
  static Host host(Path home, Path repo, ScriptedModelServer server) throws IOException {
    Host isolated = Cli.isolatedHost(home, repo, CHECKOUT);
    Map<String, String> env = new HashMap<>(isolated.environment());
    env.keySet().removeIf(AgentClis::belongsToAnAgent);
    env.put("PATH", BIN + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.putAll(claude(home, server));
    env.putAll(codex(home, server));
    env.putAll(gemini(home, server));
    return new Host(env, isolated.home(), repo);
  }

  /** Variables of the machine's own agents, which would send the tests elsewhere. */
  private static boolean belongsToAnAgent(String name) {
    return name.startsWith("ANTHROPIC_")
        || name.startsWith("CLAUDE_")
        || name.startsWith("OPENAI_")
        || name.startsWith("CODEX_")
        || name.startsWith("GEMINI_")
        || name.startsWith("GOOGLE_");
  }

  private static Map<String, String> claude(Path home, ScriptedModelServer server) {
    return Map.of(
        "ANTHROPIC_BASE_URL", server.baseUrl(),
        "ANTHROPIC_API_KEY", ANTHROPIC_KEY,
        "CLAUDE_CONFIG_DIR", home.resolve(".claude").toString(),
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1",
        "DISABLE_AUTOUPDATER", "1",
        "DISABLE_TELEMETRY", "1",
        "DISABLE_ERROR_REPORTING", "1",
        // An error is final at once: the failure tests need no backoff of several minutes.
        "CLAUDE_CODE_MAX_RETRIES", "0");
  }

  /** Codex reads its model provider from CODEX_HOME/config.toml: one pointing at the server. */
  private static Map<String, String> codex(Path home, ScriptedModelServer server)
      throws IOException {
    Path codexHome = Files.createDirectories(home.resolve(".codex"));
    Files.writeString(
        codexHome.resolve("config.toml"),
        """
        model = "scripted-model"
        model_provider = "scripted"
        check_for_update_on_startup = false

        [analytics]
        enabled = false

        [model_providers.scripted]
        name = "Scripted model server"
        base_url = "%s/v1"
        env_key = "OPENAI_API_KEY"
        wire_api = "responses"
        request_max_retries = 0
        stream_max_retries = 0
        """
            .formatted(server.baseUrl()));
    return Map.of("CODEX_HOME", codexHome.toString(), "OPENAI_API_KEY", OPENAI_KEY);
  }

  /** Gemini CLI takes its API's address from GOOGLE_GEMINI_BASE_URL. */
  private static Map<String, String> gemini(Path home, ScriptedModelServer server)
      throws IOException {
    Path settings = Files.createDirectories(home.resolve(".gemini")).resolve("settings.json");
    Files.writeString(
        settings,
        """
        {"security": {"auth": {"selectedType": "gemini-api-key"}},
         "privacy": {"usageStatisticsEnabled": false},
         "general": {"disableAutoUpdate": true, "disableUpdateNag": true},
         "telemetry": {"enabled": false}}
        """);
    return Map.of("GEMINI_API_KEY", GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL", server.baseUrl());
  }
}
