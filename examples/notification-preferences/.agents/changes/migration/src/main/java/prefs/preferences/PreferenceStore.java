package prefs.preferences;

import java.util.ArrayList;
import java.util.List;
import prefs.notify.Channel;

/**
 * Where notification preferences are kept. Notifications are opt-out: a type and channel with no
 * saved choice is enabled.
 */
public interface PreferenceStore {

  /** The choices saved for a user, by type then channel; pairs never saved are absent. */
  List<NotificationPreference> findByUser(long userId);

  /** Inserts or replaces the choice for the preference's user, type and channel. */
  void save(NotificationPreference preference);

  /** Whether the user gets {@code type} on {@code channel}: the saved choice, else yes. */
  default boolean isEnabled(long userId, NotificationType type, Channel channel) {
    return findByUser(userId).stream()
        .filter(p -> p.type() == type && p.channel() == channel)
        .map(NotificationPreference::enabled)
        .findFirst()
        .orElse(true);
  }

  /** Every type on every channel with its effective setting, by type then channel. */
  default List<NotificationPreference> effective(long userId) {
    List<NotificationPreference> all = new ArrayList<>();
    for (NotificationType type : NotificationType.values()) {
      for (Channel channel : Channel.values()) {
        all.add(
            new NotificationPreference(userId, type, channel, isEnabled(userId, type, channel)));
      }
    }
    return all;
  }
}
