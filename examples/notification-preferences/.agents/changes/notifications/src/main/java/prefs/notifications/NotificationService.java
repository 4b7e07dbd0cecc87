package prefs.notifications;

import java.util.ArrayList;
import java.util.List;
import prefs.User;
import prefs.UserRepository;
import prefs.notify.Channel;
import prefs.notify.Notifier;
import prefs.preferences.NotificationType;
import prefs.preferences.PreferenceStore;

/** Sends a notification on every channel the user allows and can be reached on. */
public final class NotificationService {

  private final UserRepository users;
  private final PreferenceStore preferences;
  private final Notifier notifier;

  public NotificationService(UserRepository users, PreferenceStore preferences, Notifier notifier) {
    this.users = users;
    this.preferences = preferences;
    this.notifier = notifier;
  }

  /**
   * Sends {@code text} to the user about {@code type}.
   *
   * @return the channels it went out on, in channel order; empty when the user turned them all off
   * @throws IllegalArgumentException when there is no such user
   */
  public List<Channel> notify(long userId, NotificationType type, String text) {
    User user =
        users.find(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
    List<Channel> used = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      String address = address(user, channel);
      if (address != null && preferences.isEnabled(userId, type, channel)) {
        notifier.send(channel, address, text);
        used.add(channel);
      }
    }
    return used;
  }

  /** Where the user is reached on {@code channel}, or {@code null} when they cannot be. */
  private static String address(User user, Channel channel) {
    return switch (channel) {
      case EMAIL -> user.email();
      case SMS -> user.phone() == null || user.phone().isBlank() ? null : user.phone();
    };
  }
}
