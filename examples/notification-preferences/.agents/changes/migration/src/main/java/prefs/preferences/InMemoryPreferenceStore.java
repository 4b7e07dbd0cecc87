package prefs.preferences;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import prefs.notify.Channel;

/** Preferences in memory, keyed like the table's primary key. */
public final class InMemoryPreferenceStore implements PreferenceStore {

  private record Key(long userId, NotificationType type, Channel channel) {}

  private static final Comparator<NotificationPreference> ORDER =
      Comparator.comparing(NotificationPreference::type)
          .thenComparing(NotificationPreference::channel);

  private final Map<Key, NotificationPreference> rows = new ConcurrentHashMap<>();

  @Override
  public List<NotificationPreference> findByUser(long userId) {
    return rows.values().stream().filter(p -> p.userId() == userId).sorted(ORDER).toList();
  }

  @Override
  public void save(NotificationPreference preference) {
    rows.put(new Key(preference.userId(), preference.type(), preference.channel()), preference);
  }
}
