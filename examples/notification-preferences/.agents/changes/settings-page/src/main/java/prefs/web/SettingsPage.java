package prefs.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import prefs.User;
import prefs.UserRepository;

/**
 * {@code GET /users/{userId}/settings/notifications}: a page with one checkbox per notification
 * type and channel. It reads the current state from the preferences API and saves through it, so
 * the page holds no rules of its own.
 */
public final class SettingsPage {

  private static final Pattern PATH = Pattern.compile("/users/(\\d{1,18})/settings/notifications");
  private static final Map<String, String> CHANNEL_LABELS = Map.of("EMAIL", "Email", "SMS", "SMS");

  private final UserRepository users;
  private final NotificationPreferencesHandler api;

  public SettingsPage(UserRepository users, NotificationPreferencesHandler api) {
    this.users = users;
    this.api = api;
  }

  /** The page's path for one user. */
  public static String path(long userId) {
    return "/users/" + userId + "/settings/notifications";
  }

  public boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  public Response handle(Request request) {
    Matcher path = PATH.matcher(request.path());
    if (!path.matches()) {
      return Response.html(404, page("Not found", "<p>No page at this address.</p>"));
    }
    if (!request.method().equals("GET")) {
      return Response.html(405, page("Not allowed", "<p>This page can only be read.</p>"));
    }
    long userId = Long.parseLong(path.group(1));
    User user = users.find(userId).orElse(null);
    Response current = api.handle(Request.get(NotificationPreferencesHandler.path(userId)));
    if (user == null || current.status() != 200) {
      return Response.html(404, page("Not found", "<p>There is no such user.</p>"));
    }
    List<?> preferences = (List<?>) ((Map<?, ?>) Json.parse(current.body())).get("preferences");
    return Response.html(200, settings(user, preferences));
  }

  private static String settings(User user, List<?> preferences) {
    // Rows are types, columns channels, both in the order the API lists them.
    Map<String, Map<String, Map<?, ?>>> byType = new LinkedHashMap<>();
    List<String> channels = new ArrayList<>();
    for (Object item : preferences) {
      Map<?, ?> entry = (Map<?, ?>) item;
      String type = (String) entry.get("type");
      String channel = (String) entry.get("channel");
      byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(channel, entry);
      if (!channels.contains(channel)) {
        channels.add(channel);
      }
    }

    StringBuilder html = new StringBuilder();
    html.append("<form id=\"notification-preferences\" data-endpoint=\"")
        .append(escape(NotificationPreferencesHandler.path(user.id())))
        .append("\">\n<table>\n<thead><tr><th>Notification</th>");
    for (String channel : channels) {
      html.append("<th>").append(escape(CHANNEL_LABELS.getOrDefault(channel, label(channel))));
      html.append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Map<String, Map<?, ?>>> row : byType.entrySet()) {
      html.append("<tr><th scope=\"row\">").append(escape(label(row.getKey()))).append("</th>");
      for (String channel : channels) {
        html.append("<td>").append(checkbox(row.getValue().get(channel))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n")
        .append("<button type=\"submit\">Save</button>\n")
        .append("<p id=\"status\" role=\"status\"></p>\n</form>\n")
        .append(SAVE_SCRIPT);
    return page("Notification settings for " + user.name(), html.toString());
  }

  private static String checkbox(Map<?, ?> entry) {
    if (entry == null) {
      return "";
    }
    String type = escape((String) entry.get("type"));
    String channel = escape((String) entry.get("channel"));
    return String.format(
        "<input type=\"checkbox\" name=\"%s.%s\" data-type=\"%s\" data-channel=\"%s\"%s%s>",
        type,
        channel,
        type,
        channel,
        Boolean.TRUE.equals(entry.get("enabled")) ? " checked" : "",
        Boolean.TRUE.equals(entry.get("mandatory")) ? " disabled" : "");
  }

  /** Saves every checkbox the user may change with one PUT to the API. */
  private static final String SAVE_SCRIPT =
      """
      <script>
      const form = document.getElementById('notification-preferences');
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const preferences = [...form.querySelectorAll('input[type=checkbox]:not([disabled])')]
          .map((box) => ({type: box.dataset.type, channel: box.dataset.channel, enabled: box.checked}));
        const response = await fetch(form.dataset.endpoint, {
          method: 'PUT',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({preferences}),
        });
        document.getElementById('status').textContent =
          response.ok ? 'Saved.' : 'Not saved: ' + (await response.json()).error;
      });
      </script>
      """;

  /** The page around a body: title and heading, then the body. */
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head><meta charset="utf-8"><title>%1$s</title></head>
      <body>
      <h1>%1$s</h1>
      %2$s</body>
      </html>
      """;

  private static String page(String title, String body) {
    return PAGE.formatted(escape(title), body);
  }

  /** {@code WEEKLY_DIGEST} reads as "Weekly digest". */
  private static String label(String constant) {
    String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
