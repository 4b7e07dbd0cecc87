package prefs.preferences;

import java.util.Objects;
import prefs.notify.Channel;

/**
 * A user's choice for one notification type on one channel: a row of {@code
 * notification_preferences}.
 */
public record NotificationPreference(
    long userId, NotificationType type, Channel channel, boolean enabled) {

  /**
   * @throws IllegalArgumentException when it would turn off what cannot be turned off
   */
  public NotificationPreference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(channel, "channel");
    if (!enabled && !type.canDisable(channel)) {
      throw new IllegalArgumentException(type + " by " + channel + " cannot be turned off");
    }
  }

  /** Whether the user may change this one (false for security alerts by email). */
  public boolean mandatory() {
    return !type.canDisable(channel);
  }
}
