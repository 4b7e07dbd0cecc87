package prefs.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import prefs.UserRepository;
import prefs.notify.Channel;
import prefs.preferences.NotificationPreference;
import prefs.preferences.NotificationType;
import prefs.preferences.PreferenceStore;

/**
 * {@code GET} and {@code PUT /api/users/{userId}/notification-preferences}.
 *
 * <p>Both answer with every type and channel and its effective setting: {@code {"userId": 1,
 * "preferences": [{"type", "channel", "enabled", "mandatory"}, ...]}}. {@code PUT} takes {@code
 * {"preferences": [{"type", "channel", "enabled"}, ...]}} and changes only the pairs it lists; if
 * any entry is wrong, nothing is saved and the answer is 400.
 */
public final class NotificationPreferencesHandler {

  private static final Pattern PATH =
      Pattern.compile("/api/users/(\\d{1,18})/notification-preferences");

  private final UserRepository users;
  private final PreferenceStore store;

  public NotificationPreferencesHandler(UserRepository users, PreferenceStore store) {
    this.users = users;
    this.store = store;
  }

  /** The endpoint's path for one user. */
  public static String path(long userId) {
    return "/api/users/" + userId + "/notification-preferences";
  }

  public boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  public Response handle(Request request) {
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      return Response.error(404, "no route for " + request.path());
    }
    long userId = Long.parseLong(path.group(1));
    if (users.find(userId).isEmpty()) {
      return Response.error(404, "no user " + userId);
    }
    switch (request.method()) {
      case "GET":
        return Response.json(200, body(userId));
      case "PUT":
        List<NotificationPreference> changes;
        try {
          changes = parse(userId, request.body());
        } catch (IllegalArgumentException e) {
          return Response.error(400, e.getMessage());
        }
        changes.forEach(store::save);
        return Response.json(200, body(userId));
      default:
        return Response.error(405, request.method() + " is not allowed here");
    }
  }

  private Map<String, Object> body(long userId) {
    List<Object> preferences = new ArrayList<>();
    for (NotificationPreference preference : store.effective(userId)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", preference.type().name());
      entry.put("channel", preference.channel().name());
      entry.put("enabled", preference.enabled());
      entry.put("mandatory", preference.mandatory());
      preferences.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", userId);
    body.put("preferences", preferences);
    return body;
  }

  /** Reads every entry of a PUT body before anything is saved. */
  private static List<NotificationPreference> parse(long userId, String text) {
    if (!(Json.parse(text) instanceof Map<?, ?> body)
        || !(body.get("preferences") instanceof List<?> entries)) {
      throw new IllegalArgumentException("the body must be {\"preferences\": [...]}");
    }
    List<NotificationPreference> changes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = "preferences[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      NotificationType type = constant(NotificationType.class, entry.get("type"), where + ".type");
      Channel channel = constant(Channel.class, entry.get("channel"), where + ".channel");
      if (!(entry.get("enabled") instanceof Boolean enabled)) {
        throw new IllegalArgumentException(where + ".enabled must be true or false");
      }
      changes.add(new NotificationPreference(userId, type, channel, enabled));
    }
    return changes;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, Object value, String where) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        where + " must be one of " + List.of(type.getEnumConstants()) + ", not " + value);
  }
}
