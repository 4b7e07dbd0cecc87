package io.jenkins.plugins.parallelagents.cli.modelserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model API on 127.0.0.1 that answers agent CLIs from a {@link ModelScript}, in the wire format
 * of whichever API the request is for (Anthropic Messages, OpenAI Responses, Gemini), and records
 * every request. A request no conversation of the script matches (an agent's side request: a title,
 * a routing decision) gets a short final text.
 */
public final class ScriptedModelServer implements AutoCloseable {

  /** Headers that carry credentials: never recorded. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-api-key", "x-goog-api-key", "cookie", "proxy-authorization");

  private final List<WireFormat> formats =
      List.of(new AnthropicMessages(), new OpenAiResponses(), new GeminiGenerateContent());
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final ModelScript script;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  public ScriptedModelServer(ModelScript script) throws IOException {
    this.script = script;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far, in the order they arrived. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests to paths starting with {@code prefix}. */
  public List<RecordedRequest> requests(String prefix) {
    return requests().stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().toString().replaceAll("([?&])key=[^&]*", "$1key=****");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      record(exchange, path, body);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        // Claude Code checks that its base URL answers before it starts.
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      Optional<WireFormat> format = formats.stream().filter(f -> f.serves(path)).findFirst();
      if (format.isEmpty() || !"POST".equals(exchange.getRequestMethod())) {
        send(
            exchange,
            new WireFormat.Reply(404, "application/json", "{\"error\":\"not scripted\"}"));
        return;
      }
      JsonNode request = WireFormat.JSON.readTree(body.isEmpty() ? "{}" : body);
      Turn turn = script.turnFor(body, format.get().toolResults(request)).orElse(Turn.finish("OK"));
      if (!turn.delay().isZero()) {
        TimeUnit.MILLISECONDS.sleep(turn.delay().toMillis());
      }
      send(exchange, format.get().render(turn, path, request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void record(HttpExchange exchange, String path, String body) {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
              }
            });
    requests.add(new RecordedRequest(exchange.getRequestMethod(), path, headers, body));
  }

  private static void send(HttpExchange exchange, WireFormat.Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
