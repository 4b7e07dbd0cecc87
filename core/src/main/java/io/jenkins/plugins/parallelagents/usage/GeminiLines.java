package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Gemini CLI's {@code --output-format stream-json}: {@code init} (with {@code session_id} and
 * {@code model}), {@code message} ({@code role} user or assistant; assistant text comes in {@code
 * delta} pieces), {@code tool_use} ({@code tool_name}, {@code tool_id}, {@code parameters}), {@code
 * tool_result} ({@code tool_id}, {@code status}, {@code output}, {@code error}), {@code error}, and
 * a closing {@code result} whose {@code stats} hold the session's {@code input_tokens} (cached
 * included), {@code cached} and {@code output_tokens}. Gemini CLI reports no cost.
 */
final class GeminiLines implements FormatLines {

  @Override
  public AgentFormat format() {
    return AgentFormat.GEMINI_STREAM_JSON;
  }

  @Override
  public boolean recognises(JsonNode line) {
    return switch (String.valueOf(FormatLines.text(line, "type"))) {
      case "init" -> line.has("session_id") && line.has("model");
      case "message" -> line.has("role") && line.has("content");
      case "tool_use" -> line.has("tool_name");
      case "tool_result" -> line.has("tool_id");
      case "result" -> line.has("stats");
      default -> false;
    };
  }

  @Override
  public void read(JsonNode line, Tally tally, Conversation conversation) {
    switch (String.valueOf(FormatLines.text(line, "type"))) {
      case "message" -> message(line, conversation);
      case "tool_use" ->
          conversation.add(
              Turn.Kind.TOOL_CALL,
              FormatLines.text(line, "tool_name"),
              FormatLines.shown(line, "parameters"),
              false);
      case "tool_result" -> {
        boolean failed = "error".equals(FormatLines.text(line, "status"));
        String output = FormatLines.text(line, "output");
        conversation.add(
            Turn.Kind.TOOL_RESULT,
            null,
            output != null ? output : FormatLines.text(line.get("error"), "message"),
            failed);
      }
      case "error" ->
          conversation.add(Turn.Kind.ERROR, null, FormatLines.text(line, "message"), true);
      case "result" -> result(line, tally, conversation);
      default -> {
        // init, and types of later versions
      }
    }
  }

  private static void message(JsonNode line, Conversation conversation) {
    String content = FormatLines.shown(line, "content");
    if ("user".equals(FormatLines.text(line, "role"))) {
      conversation.add(Turn.Kind.USER, null, content, false);
    } else if (line.path("delta").asBoolean(false)) {
      conversation.addDelta(content);
    } else {
      conversation.add(Turn.Kind.ASSISTANT, null, content, false);
    }
  }

  private static void result(JsonNode line, Tally tally, Conversation conversation) {
    JsonNode stats = line.get("stats");
    if (stats != null && stats.isObject()) {
      Figures.tokens(stats, "input_tokens", "cached", "output_tokens")
          .ifPresent(tally::sessionTotal);
    }
    if ("error".equals(FormatLines.text(line, "status"))) {
      conversation.add(Turn.Kind.ERROR, null, FormatLines.text(line.get("error"), "message"), true);
    }
  }
}
