package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Claude Code's {@code --output-format stream-json --verbose}: {@code system} (subtype {@code
 * init}), {@code assistant} and {@code user} messages whose {@code message.content} holds {@code
 * text}, {@code thinking}, {@code tool_use} and {@code tool_result} blocks, and a closing {@code
 * result} with {@code total_cost_usd} and {@code usage} for the whole session. Every line carries a
 * {@code session_id}.
 */
final class ClaudeLines implements FormatLines {

  @Override
  public AgentFormat format() {
    return AgentFormat.CLAUDE_STREAM_JSON;
  }

  @Override
  public boolean recognises(JsonNode line) {
    String type = FormatLines.text(line, "type");
    return FormatLines.text(line, "session_id") != null
        && ("system".equals(type)
            || "assistant".equals(type)
            || "user".equals(type)
            || ("result".equals(type) && line.has("total_cost_usd")));
  }

  @Override
  public void read(JsonNode line, Tally tally, Conversation conversation) {
    String type = FormatLines.text(line, "type");
    if ("result".equals(type)) {
      result(line, tally, conversation);
    } else if ("assistant".equals(type) || "user".equals(type)) {
      message(line.get("message"), conversation);
    }
  }

  /** Cache reads and cache writes are input the model read; Claude counts them apart. */
  private static void result(JsonNode line, Tally tally, Conversation conversation) {
    JsonNode usage = line.get("usage");
    if (usage != null && usage.isObject()) {
      var plain = Figures.count(usage, "input_tokens");
      var written = Figures.count(usage, "cache_creation_input_tokens");
      var read = Figures.count(usage, "cache_read_input_tokens");
      var output = Figures.count(usage, "output_tokens");
      if (plain.isPresent() && written.isPresent() && read.isPresent() && output.isPresent()) {
        tally.sessionTotal(
            new Tokens(plain.get() + written.get() + read.get(), read.get(), output.get()));
      }
    }
    Figures.cost(line, "total_cost_usd").ifPresent(tally::sessionCost);
    if (line.path("is_error").asBoolean(false)) {
      String why = FormatLines.text(line, "result");
      conversation.add(
          Turn.Kind.ERROR,
          null,
          why == null ? String.valueOf(FormatLines.text(line, "subtype")) : why,
          true);
    }
  }

  private static void message(JsonNode message, Conversation conversation) {
    if (message == null || !message.isObject()) {
      return;
    }
    boolean fromUser = "user".equals(FormatLines.text(message, "role"));
    JsonNode content = message.get("content");
    if (content != null && content.isTextual()) {
      conversation.add(
          fromUser ? Turn.Kind.USER : Turn.Kind.ASSISTANT, null, content.textValue(), false);
      return;
    }
    if (content == null || !content.isArray()) {
      return;
    }
    for (JsonNode block : content) {
      block(block, fromUser, conversation);
    }
  }

  private static void block(JsonNode block, boolean fromUser, Conversation conversation) {
    switch (String.valueOf(FormatLines.text(block, "type"))) {
      case "text" ->
          conversation.add(
              fromUser ? Turn.Kind.USER : Turn.Kind.ASSISTANT,
              null,
              FormatLines.shown(block, "text"),
              false);
      case "thinking" ->
          conversation.add(Turn.Kind.REASONING, null, FormatLines.shown(block, "thinking"), false);
      case "tool_use" ->
          conversation.add(
              Turn.Kind.TOOL_CALL,
              FormatLines.text(block, "name"),
              FormatLines.shown(block, "input"),
              false);
      case "tool_result" ->
          conversation.add(
              Turn.Kind.TOOL_RESULT,
              null,
              resultText(block.get("content")),
              block.path("is_error").asBoolean(false));
      default -> {
        // images, redacted thinking and blocks of later versions carry nothing to show
      }
    }
  }

  /** A tool result's content: text, or a list of blocks whose text parts are joined. */
  private static String resultText(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      return content.toString();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      String piece = FormatLines.text(part, "text");
      if (piece != null) {
        text.append(text.isEmpty() ? "" : "\n").append(piece);
      }
      if (text.length() > Conversation.MAX_TEXT) {
        break;
      }
    }
    return text.toString();
  }
}
