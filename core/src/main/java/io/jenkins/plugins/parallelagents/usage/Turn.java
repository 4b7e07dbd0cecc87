package io.jenkins.plugins.parallelagents.usage;

/**
 * One step of an agent's conversation, as its CLI printed it, cut to a readable length.
 *
 * @param kind who spoke or what happened
 * @param name the tool's name (or the command a Codex command execution ran) for {@link
 *     Kind#TOOL_CALL}; {@code null} otherwise
 * @param text the message, the tool call's input as JSON, or what the tool returned
 * @param error a tool result or a step the CLI reported as failed
 */
public record Turn(Kind kind, String name, String text, boolean error) {

  /** What a turn is. */
  public enum Kind {
    USER,
    ASSISTANT,
    REASONING,
    TOOL_CALL,
    TOOL_RESULT,
    ERROR
  }
}
