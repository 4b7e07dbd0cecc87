package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Codex CLI's {@code exec --json}: {@code thread.started}, {@code turn.started}, {@code
 * item.started}/{@code item.updated}/{@code item.completed} (items {@code agent_message}, {@code
 * reasoning}, {@code command_execution}, {@code file_change}, {@code mcp_tool_call}, {@code
 * web_search}, {@code todo_list}, {@code error}), {@code turn.completed} with the turn's {@code
 * usage} ({@code input_tokens} including {@code cached_input_tokens}, {@code output_tokens}), and
 * {@code turn.failed}/{@code error}. Codex reports no cost.
 */
final class CodexLines implements FormatLines {

  private static final Set<String> TYPES =
      Set.of(
          "thread.started",
          "turn.started",
          "turn.completed",
          "turn.failed",
          "item.started",
          "item.updated",
          "item.completed");

  @Override
  public AgentFormat format() {
    return AgentFormat.CODEX_JSON;
  }

  @Override
  public boolean recognises(JsonNode line) {
    return TYPES.contains(String.valueOf(FormatLines.text(line, "type")));
  }

  @Override
  public void read(JsonNode line, Tally tally, Conversation conversation) {
    switch (String.valueOf(FormatLines.text(line, "type"))) {
      case "turn.completed" -> {
        JsonNode usage = line.get("usage");
        if (usage != null && usage.isObject()) {
          Figures.tokens(usage, "input_tokens", "cached_input_tokens", "output_tokens")
              .ifPresent(tally::turn);
        }
      }
      case "turn.failed" ->
          conversation.add(
              Turn.Kind.ERROR, null, FormatLines.text(line.get("error"), "message"), true);
      case "error" ->
          conversation.add(Turn.Kind.ERROR, null, FormatLines.text(line, "message"), true);
      case "item.completed" -> item(line.get("item"), conversation);
      default -> {
        // started and updated items are shown once, complete
      }
    }
  }

  private static void item(JsonNode item, Conversation conversation) {
    if (item == null || !item.isObject()) {
      return;
    }
    switch (String.valueOf(FormatLines.text(item, "type"))) {
      case "agent_message" ->
          conversation.add(Turn.Kind.ASSISTANT, null, FormatLines.shown(item, "text"), false);
      case "reasoning" ->
          conversation.add(Turn.Kind.REASONING, null, FormatLines.shown(item, "text"), false);
      case "command_execution" -> {
        conversation.add(Turn.Kind.TOOL_CALL, "command", FormatLines.shown(item, "command"), false);
        conversation.add(
            Turn.Kind.TOOL_RESULT,
            null,
            FormatLines.shown(item, "aggregated_output"),
            !"completed".equals(FormatLines.text(item, "status"))
                || item.path("exit_code").asInt(0) != 0);
      }
      case "file_change" ->
          conversation.add(
              Turn.Kind.TOOL_CALL,
              "file_change",
              FormatLines.shown(item, "changes"),
              "failed".equals(FormatLines.text(item, "status")));
      case "mcp_tool_call" -> {
        conversation.add(
            Turn.Kind.TOOL_CALL,
            FormatLines.text(item, "server") + "." + FormatLines.text(item, "tool"),
            FormatLines.shown(item, "arguments"),
            false);
        boolean failed = item.hasNonNull("error");
        conversation.add(
            Turn.Kind.TOOL_RESULT,
            null,
            FormatLines.shown(item, failed ? "error" : "result"),
            failed);
      }
      case "web_search" ->
          conversation.add(
              Turn.Kind.TOOL_CALL, "web_search", FormatLines.shown(item, "query"), false);
      case "error" ->
          conversation.add(Turn.Kind.ERROR, null, FormatLines.shown(item, "message"), true);
      default -> {
        // to-do lists, plans and items of later versions
      }
    }
  }
}
