package prefs.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import prefs.UserRepository;
import prefs.testing.Check;

/**
 * Starts the server on $PORT, as a developer's machine or the engine gives it (any free port when
 * PORT is not set), and calls it over HTTP.
 */
public final class ServerTest {

  public static void main(String[] args) throws Exception {
    UserRepository users = new UserRepository();
    users.add("Ada", "ada@example.com", null);
    UserHandler handler = new UserHandler(users);
    String port = System.getenv("PORT");

    try (Server server =
        Server.start(
            port == null ? 0 : Integer.parseInt(port),
            List.of(new Server.Route(handler::matches, handler::handle)))) {
      HttpResponse<String> ok = get(server.port(), "/api/users/1");
      Check.equal(200, ok.statusCode(), "status over HTTP");
      Check.equal(
          "{\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone\":null}",
          ok.body(),
          "user JSON over HTTP");
      Check.equal(404, get(server.port(), "/nowhere").statusCode(), "unknown path");
      System.out.println("server answered on port " + server.port());
    }
    Check.done();
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
