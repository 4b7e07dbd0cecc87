package io.jenkins.plugins.parallelagents.cli.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The OpenAI Responses API as Codex CLI calls it: {@code POST <base_url>/responses}, answered as
 * server-sent events (response.created, one response.output_item.done, response.completed with the
 * usage). Codex offers a shell tool, {@code exec_command}; files are written through it.
 */
final class OpenAiResponses implements WireFormat {

  @Override
  public boolean serves(String path) {
    return path.startsWith("/v1/responses");
  }

  @Override
  public int toolResults(JsonNode request) {
    return WireFormat.count(request.path("input"), "type", "function_call_output");
  }

  @Override
  public Reply render(Turn turn, String path, JsonNode request) {
    if (turn.action() instanceof Turn.HttpError error) {
      return error(error.status(), error.message());
    }
    String id = "resp_" + Integer.toHexString(request.hashCode());
    StringBuilder out = new StringBuilder();
    ObjectNode created = WireFormat.object().put("type", "response.created");
    created.putObject("response").put("id", id);
    out.append(WireFormat.event("response.created", created));
    ObjectNode done = WireFormat.object().put("type", "response.output_item.done");
    done.put("output_index", 0).set("item", item(turn.action(), id));
    out.append(WireFormat.event("response.output_item.done", done));
    ObjectNode completed = WireFormat.object().put("type", "response.completed");
    ObjectNode response = completed.putObject("response").put("id", id);
    ObjectNode usage = response.putObject("usage");
    usage.put("input_tokens", turn.usage().inputTokens());
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.put("output_tokens", turn.usage().outputTokens());
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    usage.put("total_tokens", turn.usage().inputTokens() + turn.usage().outputTokens());
    out.append(WireFormat.event("response.completed", completed));
    return Reply.eventStream(out.toString());
  }

  private static ObjectNode item(Turn.Action action, String id) {
    ObjectNode item = WireFormat.object();
    if (action instanceof Turn.Finish finish) {
      item.put("type", "message").put("id", "msg_" + id).put("role", "assistant");
      item.put("status", "completed");
      item.putArray("content")
          .addObject()
          .put("type", "output_text")
          .put("text", finish.text())
          .putArray("annotations");
      return item;
    }
    String command =
        action instanceof Turn.WriteFile write
            ? writing(write)
            : ((Turn.RunCommand) action).command();
    item.put("type", "function_call").put("id", "fc_" + id).put("call_id", "call_" + id);
    item.put("name", "exec_command").put("status", "completed");
    item.put("arguments", WireFormat.object().put("cmd", command).toString());
    return item;
  }

  /** A shell line that writes the file exactly, whatever its content (base64, no quoting). */
  private static String writing(Turn.WriteFile write) {
    String encoded =
        Base64.getEncoder().encodeToString(write.content().getBytes(StandardCharsets.UTF_8));
    String file = "'" + write.path() + "'";
    return "mkdir -p \"$(dirname "
        + file
        + ")\" && printf '%s' '"
        + encoded
        + "' | base64 -d > "
        + file;
  }

  @Override
  public Reply error(int status, String message) {
    ObjectNode body = WireFormat.object();
    body.putObject("error")
        .put("message", message)
        .put("type", status == 401 ? "invalid_request_error" : "server_error")
        .putNull("param")
        .put("code", status == 401 ? "invalid_api_key" : "server_error");
    return Reply.json(status, body);
  }
}
