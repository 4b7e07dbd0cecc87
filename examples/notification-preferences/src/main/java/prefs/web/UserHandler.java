package prefs.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import prefs.User;
import prefs.UserRepository;

/** {@code GET /api/users/{userId}}: one user as JSON. */
public final class UserHandler {

  private static final Pattern PATH = Pattern.compile("/api/users/(\\d{1,18})");

  private final UserRepository users;

  public UserHandler(UserRepository users) {
    this.users = users;
  }

  public boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  public Response handle(Request request) {
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      return Response.error(404, "no route for " + request.path());
    }
    if (!request.method().equals("GET")) {
      return Response.error(405, request.method() + " is not allowed here");
    }
    long userId = Long.parseLong(path.group(1));
    return users
        .find(userId)
        .map(user -> Response.json(200, toJson(user)))
        .orElseGet(() -> Response.error(404, "no user " + userId));
  }

  private static Map<String, Object> toJson(User user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("name", user.name());
    json.put("email", user.email());
    json.put("phone", user.phone());
    return json;
  }
}
