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
 * @param omittedTurns turns left out of {@code conversation}, after its first {@link #KEPT_FIRST},
 *     to keep it short
 */
public record AgentUsage(
    AgentFormat format, Tokens tokens, Double costUsd, List<Turn> conversation, int omittedTurns) {

  /** How many first turns are kept before left-out ones: the left-out middle comes after them. */
  public static final int KEPT_FIRST = 40;

  public AgentUsage {
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
  }
}
