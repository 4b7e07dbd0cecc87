package prefs.preferences;

import static prefs.notify.Channel.EMAIL;
import static prefs.notify.Channel.SMS;
import static prefs.preferences.NotificationType.ORDER_SHIPPED;
import static prefs.preferences.NotificationType.SECURITY_ALERT;
import static prefs.preferences.NotificationType.WEEKLY_DIGEST;

import java.util.List;
import prefs.testing.Check;

public final class InMemoryPreferenceStoreTest {

  public static void main(String[] args) {
    everythingIsEnabledUntilTurnedOff();
    saveReplacesTheEarlierChoice();
    effectiveListsEveryTypeAndChannel();
    securityAlertsByEmailCannotBeTurnedOff();
    Check.done();
  }

  static void everythingIsEnabledUntilTurnedOff() {
    PreferenceStore store = new InMemoryPreferenceStore();
    Check.equal(List.of(), store.findByUser(1), "nothing saved");
    Check.isTrue(store.isEnabled(1, WEEKLY_DIGEST, SMS), "enabled by default");

    store.save(new NotificationPreference(1, WEEKLY_DIGEST, SMS, false));
    Check.isTrue(!store.isEnabled(1, WEEKLY_DIGEST, SMS), "turned off");
    Check.isTrue(store.isEnabled(1, WEEKLY_DIGEST, EMAIL), "other channel untouched");
    Check.isTrue(store.isEnabled(2, WEEKLY_DIGEST, SMS), "other user untouched");
  }

  static void saveReplacesTheEarlierChoice() {
    PreferenceStore store = new InMemoryPreferenceStore();
    store.save(new NotificationPreference(1, ORDER_SHIPPED, SMS, false));
    store.save(new NotificationPreference(1, ORDER_SHIPPED, SMS, true));
    Check.equal(
        List.of(new NotificationPreference(1, ORDER_SHIPPED, SMS, true)),
        store.findByUser(1),
        "one row per user, type and channel");
  }

  static void effectiveListsEveryTypeAndChannel() {
    PreferenceStore store = new InMemoryPreferenceStore();
    store.save(new NotificationPreference(1, WEEKLY_DIGEST, EMAIL, false));
    Check.equal(
        List.of(
            new NotificationPreference(1, ORDER_SHIPPED, EMAIL, true),
            new NotificationPreference(1, ORDER_SHIPPED, SMS, true),
            new NotificationPreference(1, WEEKLY_DIGEST, EMAIL, false),
            new NotificationPreference(1, WEEKLY_DIGEST, SMS, true),
            new NotificationPreference(1, SECURITY_ALERT, EMAIL, true),
            new NotificationPreference(1, SECURITY_ALERT, SMS, true)),
        store.effective(1),
        "effective preferences, by type then channel");
  }

  static void securityAlertsByEmailCannotBeTurnedOff() {
    IllegalArgumentException error =
        Check.fails(
            IllegalArgumentException.class,
            () -> new NotificationPreference(1, SECURITY_ALERT, EMAIL, false),
            "turning off security alerts by email");
    Check.contains(error.getMessage(), "SECURITY_ALERT by EMAIL", "the message names the pair");
    Check.isTrue(
        new NotificationPreference(1, SECURITY_ALERT, EMAIL, true).mandatory(), "mandatory");
    Check.isTrue(
        !new NotificationPreference(1, SECURITY_ALERT, SMS, false).mandatory(), "optional");
  }
}
