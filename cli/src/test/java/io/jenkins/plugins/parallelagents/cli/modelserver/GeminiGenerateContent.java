package io.jenkins.plugins.parallelagents.cli.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Gemini API as Gemini CLI calls it: {@code POST /v1beta/models/<model>:streamGenerateContent
 * ?alt=sse}, answered as server-sent events of GenerateContentResponse chunks with usageMetadata,
 * and {@code :generateContent} (its model router) with the routing JSON it expects. Files are
 * written with its write_file tool, commands run with run_shell_command.
 */
final class GeminiGenerateContent implements WireFormat {

  /**
   * The answer to the one-shot request Gemini CLI's model router sends before each turn ("auto"
   * model): the JSON its classifier asks for. Anything else makes it retry for minutes.
   */
  private static final ObjectNode ROUTING =
      WireFormat.object()
          .put(
              "text", "{\"complexity_reasoning\": \"A scripted turn.\", \"complexity_score\": 10}");

  @Override
  public boolean serves(String path) {
    return path.startsWith("/v1beta/models/");
  }

  @Override
  public int toolResults(JsonNode request) {
    return WireFormat.countFields(request.path("contents"), "functionResponse");
  }

  @Override
  public Reply render(Turn turn, String path, JsonNode request) {
    if (turn.action() instanceof Turn.HttpError error) {
      return error(error.status(), error.message());
    }
    boolean streaming = path.contains(":streamGenerateContent");
    ObjectNode chunk = WireFormat.object();
    ObjectNode candidate = chunk.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    content.putArray("parts").add(streaming ? part(turn.action()) : ROUTING);
    candidate.put("finishReason", "STOP").put("index", 0);
    chunk
        .putObject("usageMetadata")
        .put("promptTokenCount", turn.usage().inputTokens())
        .put("candidatesTokenCount", turn.usage().outputTokens())
        .put("totalTokenCount", turn.usage().inputTokens() + turn.usage().outputTokens());
    chunk.put("modelVersion", "scripted");
    if (streaming) {
      return Reply.eventStream(WireFormat.event(null, chunk));
    }
    return Reply.json(200, chunk);
  }

  private static ObjectNode part(Turn.Action action) {
    ObjectNode part = WireFormat.object();
    if (action instanceof Turn.Finish finish) {
      return part.put("text", finish.text());
    }
    ObjectNode call = part.putObject("functionCall");
    ObjectNode args = WireFormat.object();
    if (action instanceof Turn.WriteFile write) {
      call.put("name", "write_file");
      args.put("file_path", write.path()).put("content", write.content());
    } else {
      call.put("name", "run_shell_command");
      args.put("command", ((Turn.RunCommand) action).command());
    }
    call.set("args", args);
    return part;
  }

  @Override
  public Reply error(int status, String message) {
    ObjectNode body = WireFormat.object();
    body.putObject("error")
        .put("code", status)
        .put("message", message)
        .put("status", status == 401 ? "UNAUTHENTICATED" : "INTERNAL");
    return Reply.json(status, body);
  }
}
