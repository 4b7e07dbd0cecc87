package prefs.web;

import prefs.UserRepository;
import prefs.testing.Check;

public final class UserHandlerTest {

  public static void main(String[] args) {
    UserRepository users = new UserRepository();
    users.add("Ada", "ada@example.com", null);
    UserHandler handler = new UserHandler(users);

    Check.isTrue(handler.matches("/api/users/1"), "matches a user path");
    Check.isTrue(!handler.matches("/api/users/1/orders"), "not a longer path");

    Response ok = handler.handle(Request.get("/api/users/1"));
    Check.equal(200, ok.status(), "status of a known user");
    Check.equal(
        "{\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone\":null}",
        ok.body(),
        "user JSON");

    Check.equal(404, handler.handle(Request.get("/api/users/9")).status(), "unknown user");
    Check.equal(405, handler.handle(Request.put("/api/users/1", "{}")).status(), "PUT");
    Check.done();
  }
}
