package io.jenkins.plugins.parallelagents.usage;

/** The structured output formats of the coding-agent CLIs that the engine reads usage from. */
public enum AgentFormat {
  /** Claude Code's {@code --output-format stream-json --verbose}. */
  CLAUDE_STREAM_JSON,
  /** Codex CLI's {@code exec --json}. */
  CODEX_JSON,
  /** Gemini CLI's {@code --output-format stream-json}. */
  GEMINI_STREAM_JSON
}
