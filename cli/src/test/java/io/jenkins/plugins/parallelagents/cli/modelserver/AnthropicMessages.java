package io.jenkins.plugins.parallelagents.cli.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Anthropic Messages API as Claude Code calls it: {@code POST /v1/messages}, answered as a
 * stream of server-sent events (message_start, content blocks, message_delta with the usage). Files
 * are written with Claude Code's Write tool, commands run with its Bash tool.
 */
final class AnthropicMessages implements WireFormat {

  /** Claude Code tells the model its folder in the system prompt; Write wants absolute paths. */
  private static final Pattern WORKING_DIRECTORY =
      Pattern.compile("(?:Primary working directory|Working directory): (\\S+)");

  @Override
  public boolean serves(String path) {
    return path.startsWith("/v1/messages") && !path.startsWith("/v1/messages/count_tokens");
  }

  @Override
  public int toolResults(JsonNode request) {
    return WireFormat.count(request.path("messages"), "type", "tool_result");
  }

  @Override
  public Reply render(Turn turn, String path, JsonNode request) {
    if (turn.action() instanceof Turn.HttpError error) {
      return error(error.status(), error.message());
    }
    StringBuilder out = new StringBuilder();
    ObjectNode message = WireFormat.object();
    message.put("id", "msg_scripted").put("type", "message").put("role", "assistant");
    message.put("model", request.path("model").asText("scripted"));
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    message
        .putObject("usage")
        .put("input_tokens", turn.usage().inputTokens())
        .put("output_tokens", 0);
    out.append(
        event(
            "message_start",
            WireFormat.object().put("type", "message_start").set("message", message)));
    String stopReason = block(turn.action(), request, out);
    ObjectNode delta = WireFormat.object().put("type", "message_delta");
    delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    delta
        .putObject("usage")
        .put("input_tokens", turn.usage().inputTokens())
        .put("output_tokens", turn.usage().outputTokens());
    out.append(event("message_delta", delta));
    out.append(event("message_stop", WireFormat.object().put("type", "message_stop")));
    return Reply.eventStream(out.toString());
  }

  /** Writes the one content block of the reply; returns the stop reason. */
  private static String block(Turn.Action action, JsonNode request, StringBuilder out) {
    ObjectNode start = WireFormat.object().put("type", "content_block_start").put("index", 0);
    ObjectNode delta = WireFormat.object().put("type", "content_block_delta").put("index", 0);
    String stopReason;
    if (action instanceof Turn.Finish finish) {
      start.putObject("content_block").put("type", "text").put("text", "");
      delta.putObject("delta").put("type", "text_delta").put("text", finish.text());
      stopReason = "end_turn";
    } else {
      ObjectNode input = WireFormat.object();
      String tool;
      if (action instanceof Turn.WriteFile write) {
        tool = "Write";
        input.put("file_path", workingDirectory(request) + "/" + write.path());
        input.put("content", write.content());
      } else {
        tool = "Bash";
        input.put("command", ((Turn.RunCommand) action).command());
        input.put("description", "Run a command");
      }
      ObjectNode use = start.putObject("content_block");
      use.put("type", "tool_use").put("id", "toolu_" + Integer.toHexString(input.hashCode()));
      use.put("name", tool).putObject("input");
      delta
          .putObject("delta")
          .put("type", "input_json_delta")
          .put("partial_json", input.toString());
      stopReason = "tool_use";
    }
    out.append(event("content_block_start", start));
    out.append(event("content_block_delta", delta));
    out.append(
        event(
            "content_block_stop",
            WireFormat.object().put("type", "content_block_stop").put("index", 0)));
    return stopReason;
  }

  private static String workingDirectory(JsonNode request) {
    Matcher matcher = WORKING_DIRECTORY.matcher(request.toString().replace("\\n", "\n"));
    if (!matcher.find()) {
      throw new IllegalStateException("the request names no working directory");
    }
    return matcher.group(1);
  }

  @Override
  public Reply error(int status, String message) {
    String type =
        switch (status) {
          case 401 -> "authentication_error";
          case 429 -> "rate_limit_error";
          case 529 -> "overloaded_error";
          default -> "api_error";
        };
    ObjectNode body = WireFormat.object().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return Reply.json(status, body);
  }

  private static String event(String name, JsonNode data) {
    return WireFormat.event(name, data);
  }
}
