package prefs.web;

import static prefs.notify.Channel.SMS;
import static prefs.preferences.NotificationType.WEEKLY_DIGEST;

import prefs.UserRepository;
import prefs.preferences.InMemoryPreferenceStore;
import prefs.preferences.NotificationPreference;
import prefs.preferences.PreferenceStore;
import prefs.testing.Check;

public final class SettingsPageTest {

  public static void main(String[] args) {
    showsOneCheckboxPerTypeAndChannel();
    savesThroughThePreferencesApi();
    escapesTheUsersName();
    unknownUserAndMethod();
    Check.done();
  }

  static void showsOneCheckboxPerTypeAndChannel() {
    Fixture f = new Fixture("Ada");
    f.store.save(new NotificationPreference(1, WEEKLY_DIGEST, SMS, false));
    Response response = f.page.handle(Request.get(SettingsPage.path(1)));
    Check.equal(200, response.status(), "status");
    Check.equal(Response.HTML, response.contentType(), "content type");

    String html = response.body();
    Check.contains(html, "<h1>Notification settings for Ada</h1>", "heading");
    Check.contains(html, "<th>Email</th><th>SMS</th>", "a column per channel");
    Check.contains(html, "<th scope=\"row\">Weekly digest</th>", "a row per type");
    Check.equal(6, count(html, "<input type=\"checkbox\""), "3 types x 2 channels");
    Check.contains(
        html,
        "name=\"WEEKLY_DIGEST.SMS\" data-type=\"WEEKLY_DIGEST\" data-channel=\"SMS\">",
        "a turned-off notification is unchecked");
    Check.contains(
        html,
        "name=\"ORDER_SHIPPED.EMAIL\" data-type=\"ORDER_SHIPPED\" data-channel=\"EMAIL\" checked>",
        "notifications are on by default");
    Check.contains(
        html, "data-channel=\"EMAIL\" checked disabled>", "security alerts by email stay on");
  }

  static void savesThroughThePreferencesApi() {
    String html = new Fixture("Ada").page.handle(Request.get(SettingsPage.path(1))).body();
    Check.contains(
        html,
        "data-endpoint=\"" + NotificationPreferencesHandler.path(1) + "\"",
        "the form posts to the API");
    Check.contains(html, "method: 'PUT'", "with PUT");
    Check.contains(html, "JSON.stringify({preferences})", "in the API's body shape");
  }

  static void escapesTheUsersName() {
    String html =
        new Fixture("<script>alert(1)</script>")
            .page
            .handle(Request.get(SettingsPage.path(1)))
            .body();
    Check.contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;", "name escaped");
    Check.isTrue(!html.contains("<script>alert(1)"), "no injected script");
  }

  static void unknownUserAndMethod() {
    Fixture f = new Fixture("Ada");
    Check.isTrue(f.page.matches(SettingsPage.path(1)), "matches its path");
    Check.equal(404, f.page.handle(Request.get(SettingsPage.path(7))).status(), "unknown user");
    Check.equal(405, f.page.handle(Request.put(SettingsPage.path(1), "")).status(), "PUT");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static final class Fixture {
    final UserRepository users = new UserRepository();
    final PreferenceStore store = new InMemoryPreferenceStore();
    final SettingsPage page;

    Fixture(String name) {
      users.add(name, "user@example.com", null);
      page = new SettingsPage(users, new NotificationPreferencesHandler(users, store));
    }
  }
}
