package prefs.web;

import static prefs.notify.Channel.EMAIL;
import static prefs.notify.Channel.SMS;
import static prefs.preferences.NotificationType.ORDER_SHIPPED;
import static prefs.preferences.NotificationType.WEEKLY_DIGEST;

import java.util.List;
import java.util.Map;
import prefs.UserRepository;
import prefs.preferences.InMemoryPreferenceStore;
import prefs.preferences.PreferenceStore;
import prefs.testing.Check;

public final class NotificationPreferencesHandlerTest {

  private static final String PATH = "/api/users/1/notification-preferences";

  public static void main(String[] args) {
    getListsEveryTypeAndChannel();
    putChangesOnlyTheListedPairs();
    putWithAnyBadEntrySavesNothing();
    unknownUserAndMethod();
    Check.done();
  }

  static void getListsEveryTypeAndChannel() {
    Fixture f = new Fixture();
    Check.equal(PATH, NotificationPreferencesHandler.path(1), "path");
    Check.isTrue(f.handler.matches(PATH), "matches its path");

    Response response = f.handler.handle(Request.get(PATH));
    Check.equal(200, response.status(), "GET status");
    Check.equal(Response.JSON, response.contentType(), "content type");
    Map<?, ?> body = (Map<?, ?>) Json.parse(response.body());
    Check.equal(1L, body.get("userId"), "userId");
    List<?> preferences = (List<?>) body.get("preferences");
    Check.equal(6, preferences.size(), "3 types x 2 channels");
    Check.equal(
        Map.of("type", "ORDER_SHIPPED", "channel", "EMAIL", "enabled", true, "mandatory", false),
        preferences.get(0),
        "first entry");
    Check.equal(
        Map.of("type", "SECURITY_ALERT", "channel", "EMAIL", "enabled", true, "mandatory", true),
        preferences.get(4),
        "security alerts by email are mandatory");
  }

  static void putChangesOnlyTheListedPairs() {
    Fixture f = new Fixture();
    Response response =
        f.handler.handle(
            Request.put(
                PATH,
                "{\"preferences\": [{\"type\": \"WEEKLY_DIGEST\", \"channel\": \"SMS\","
                    + " \"enabled\": false}]}"));
    Check.equal(200, response.status(), "PUT status");
    Check.isTrue(!f.store.isEnabled(1, WEEKLY_DIGEST, SMS), "saved");
    Check.isTrue(f.store.isEnabled(1, WEEKLY_DIGEST, EMAIL), "others unchanged");
    Check.contains(
        response.body(),
        "{\"type\":\"WEEKLY_DIGEST\",\"channel\":\"SMS\",\"enabled\":false,\"mandatory\":false}",
        "the answer shows the new state");
  }

  static void putWithAnyBadEntrySavesNothing() {
    Fixture f = new Fixture();
    String body =
        "{\"preferences\": [{\"type\": \"ORDER_SHIPPED\", \"channel\": \"SMS\", \"enabled\":"
            + " false}, {\"type\": \"ORDER_SHIPPED\", \"channel\": \"FAX\", \"enabled\": false}]}";
    Response response = f.handler.handle(Request.put(PATH, body));
    Check.equal(400, response.status(), "unknown channel");
    Check.contains(response.body(), "preferences[1].channel", "the error says which entry");
    Check.isTrue(f.store.isEnabled(1, ORDER_SHIPPED, SMS), "the valid entry was not saved either");

    String mandatory =
        "{\"preferences\": [{\"type\": \"SECURITY_ALERT\", \"channel\": \"EMAIL\","
            + " \"enabled\": false}]}";
    Response refused = f.handler.handle(Request.put(PATH, mandatory));
    Check.equal(400, refused.status(), "turning off a mandatory notification");
    Check.contains(refused.body(), "cannot be turned off", "why");

    Check.equal(400, f.handler.handle(Request.put(PATH, "not json")).status(), "not JSON");
    Check.equal(400, f.handler.handle(Request.put(PATH, "{}")).status(), "no preferences");
  }

  static void unknownUserAndMethod() {
    Fixture f = new Fixture();
    Response missing = f.handler.handle(Request.get(NotificationPreferencesHandler.path(99)));
    Check.equal(404, missing.status(), "unknown user");
    Check.equal(
        405, f.handler.handle(new Request("DELETE", PATH, "")).status(), "DELETE is not allowed");
  }

  private static final class Fixture {
    final UserRepository users = new UserRepository();
    final PreferenceStore store = new InMemoryPreferenceStore();
    final NotificationPreferencesHandler handler;

    Fixture() {
      users.add("Ada", "ada@example.com", "+44 20 7946 0001");
      handler = new NotificationPreferencesHandler(users, store);
    }
  }
}
