package prefs.web;

import java.util.Objects;

/** An HTTP request as the handlers see it: method, path (without query) and body. */
public record Request(String method, String path, String body) {
  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    body = body == null ? "" : body;
  }

  public static Request get(String path) {
    return new Request("GET", path, "");
  }

  public static Request put(String path, String body) {
    return new Request("PUT", path, body);
  }
}
