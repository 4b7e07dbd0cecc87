package prefs.notifications;

import static prefs.notify.Channel.EMAIL;
import static prefs.notify.Channel.SMS;
import static prefs.preferences.NotificationType.ORDER_SHIPPED;
import static prefs.preferences.NotificationType.SECURITY_ALERT;
import static prefs.preferences.NotificationType.WEEKLY_DIGEST;

import java.util.List;
import prefs.UserRepository;
import prefs.notify.RecordingNotifier;
import prefs.notify.RecordingNotifier.Sent;
import prefs.preferences.InMemoryPreferenceStore;
import prefs.preferences.NotificationPreference;
import prefs.preferences.PreferenceStore;
import prefs.testing.Check;

public final class NotificationServiceTest {

  public static void main(String[] args) {
    sendsOnEveryChannelByDefault();
    skipsWhatTheUserTurnedOff();
    skipsSmsWithoutAPhoneNumber();
    securityAlertsAlwaysGoByEmail();
    unknownUserIsAnError();
    Check.done();
  }

  static void sendsOnEveryChannelByDefault() {
    Fixture f = new Fixture();
    Check.equal(List.of(EMAIL, SMS), f.service.notify(f.ada, ORDER_SHIPPED, "Shipped!"), "used");
    Check.equal(
        List.of(new Sent(EMAIL, "ada@example.com", "Shipped!"), new Sent(SMS, "+4420", "Shipped!")),
        f.notifier.sent(),
        "sent");
  }

  static void skipsWhatTheUserTurnedOff() {
    Fixture f = new Fixture();
    f.store.save(new NotificationPreference(f.ada, WEEKLY_DIGEST, SMS, false));
    Check.equal(List.of(EMAIL), f.service.notify(f.ada, WEEKLY_DIGEST, "Digest"), "email only");

    f.store.save(new NotificationPreference(f.ada, WEEKLY_DIGEST, EMAIL, false));
    Check.equal(List.of(), f.service.notify(f.ada, WEEKLY_DIGEST, "Digest"), "nothing");
    Check.equal(1, f.notifier.sent().size(), "one message in all");
  }

  static void skipsSmsWithoutAPhoneNumber() {
    Fixture f = new Fixture();
    Check.equal(List.of(EMAIL), f.service.notify(f.alan, ORDER_SHIPPED, "Shipped!"), "no phone");
  }

  static void securityAlertsAlwaysGoByEmail() {
    Fixture f = new Fixture();
    f.store.save(new NotificationPreference(f.ada, SECURITY_ALERT, SMS, false));
    Check.equal(List.of(EMAIL), f.service.notify(f.ada, SECURITY_ALERT, "New login"), "email");
  }

  static void unknownUserIsAnError() {
    Fixture f = new Fixture();
    IllegalArgumentException error =
        Check.fails(
            IllegalArgumentException.class,
            () -> f.service.notify(42, ORDER_SHIPPED, "Shipped!"),
            "unknown user");
    Check.equal("no user 42", error.getMessage(), "message");
    Check.equal(List.of(), f.notifier.sent(), "nothing sent");
  }

  private static final class Fixture {
    final UserRepository users = new UserRepository();
    final PreferenceStore store = new InMemoryPreferenceStore();
    final RecordingNotifier notifier = new RecordingNotifier();
    final NotificationService service = new NotificationService(users, store, notifier);
    final long ada = users.add("Ada", "ada@example.com", "+4420").id();
    final long alan = users.add("Alan", "alan@example.com", null).id();
  }
}
