package prefs.web;

import java.util.Map;

/** An HTTP response: status, content type and body. */
public record Response(int status, String contentType, String body) {

  public static final String JSON = "application/json";
  public static final String HTML = "text/html; charset=utf-8";

  public static Response json(int status, Object value) {
    return new Response(status, JSON, Json.write(value));
  }

  public static Response html(int status, String html) {
    return new Response(status, HTML, html);
  }

  /** A JSON error body, {@code {"error": "..."}}, as every API endpoint returns it. */
  public static Response error(int status, String message) {
    return json(status, Map.of("error", message));
  }
}
