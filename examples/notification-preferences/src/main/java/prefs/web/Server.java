package prefs.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Serves the handlers over HTTP on loopback, with the JDK's own server. */
public final class Server implements AutoCloseable {

  /** One handler: which paths it takes, and how it answers. */
  public record Route(Predicate<String> matches, Function<Request, Response> handle) {}

  private final HttpServer http;

  private Server(HttpServer http) {
    this.http = http;
  }

  /**
   * Starts serving {@code routes} on {@code port} of 127.0.0.1 (0: any free port).
   *
   * @throws IOException when the port is taken
   */
  public static Server start(int port, List<Route> routes) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.createContext("/", exchange -> answer(exchange, routes));
    http.start();
    return new Server(http);
  }

  /** The port it listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private static void answer(HttpExchange exchange, List<Route> routes) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Request request = new Request(exchange.getRequestMethod(), path, body);
    Response response =
        routes.stream()
            .filter(route -> route.matches().test(path))
            .findFirst()
            .map(route -> route.handle().apply(request))
            .orElseGet(() -> Response.error(404, "no route for " + path));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
