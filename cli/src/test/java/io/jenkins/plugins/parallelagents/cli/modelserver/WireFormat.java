package io.jenkins.plugins.parallelagents.cli.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One model API as an agent CLI speaks it: which requests it serves and how replies look. */
interface WireFormat {

  ObjectMapper JSON = new ObjectMapper();

  /** An HTTP answer. */
  record Reply(int status, String contentType, String body) {
    static Reply eventStream(String body) {
      return new Reply(200, "text/event-stream", body);
    }

    static Reply json(int status, JsonNode body) {
      return new Reply(status, "application/json", body.toString());
    }
  }

  /** Whether a request to {@code path} (with its query) is this API's. */
  boolean serves(String path);

  /** How many tool results the conversation in {@code request} holds: the script's step. */
  int toolResults(JsonNode request);

  /** The scripted turn, in this API's (streaming) reply format. */
  Reply render(Turn turn, String path, JsonNode request);

  /** This API's error body for an HTTP error status. */
  Reply error(int status, String message);

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /**
   * Counts the objects anywhere in {@code node} that have a field {@code field} = {@code value}.
   */
  static int count(JsonNode node, String field, String value) {
    int found = 0;
    if (node.isObject() && value.equals(node.path(field).asText(null))) {
      found++;
    }
    for (JsonNode child : node) {
      found += count(child, field, value);
    }
    return found;
  }

  /** Counts the objects anywhere in {@code node} that have a field named {@code field}. */
  static int countFields(JsonNode node, String field) {
    int found = node.isObject() && node.has(field) ? 1 : 0;
    for (JsonNode child : node) {
      found += countFields(child, field);
    }
    return found;
  }

  /** One server-sent event. */
  static String event(String name, JsonNode data) {
    return (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
  }
}
