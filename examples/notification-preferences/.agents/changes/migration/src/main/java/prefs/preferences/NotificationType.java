package prefs.preferences;

import prefs.notify.Channel;

/** What a notification is about. Stored by name in {@code notification_preferences.type}. */
public enum NotificationType {
  ORDER_SHIPPED,
  WEEKLY_DIGEST,
  SECURITY_ALERT;

  /**
   * Whether a user may turn this type off on {@code channel}: security alerts always go by email.
   */
  public boolean canDisable(Channel channel) {
    return !(this == SECURITY_ALERT && channel == Channel.EMAIL);
  }
}
