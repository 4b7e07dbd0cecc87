package io.jenkins.plugins.parallelagents.usage;

import java.util.List;

/**
 * What one agent run cost and said, read from its log.
 *
 * @param format the output format the log was recognised as
 * @param tokens the tokens the CLI reported
 * @param costUsd the cost the CLI reported, in US dollars, or {@code null} when it reports none
 *     (Codex and Gemini CLI print tokens only): unknown, not zero
 * @param conversation the messages, tool calls and tool results, each cut to a readable length
 * @param omittedTurns turns left out of {@code conversation} (its middle) to keep it short
 */
public record AgentUsage(
    AgentFormat format, Tokens tokens, Double costUsd, List<Turn> conversation, int omittedTurns) {

  public AgentUsage {
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
  }
}
