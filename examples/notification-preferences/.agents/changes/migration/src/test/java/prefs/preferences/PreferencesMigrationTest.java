package prefs.preferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import prefs.notify.Channel;
import prefs.testing.Check;

/** The table in V2 matches the Java types that read and write it. */
public final class PreferencesMigrationTest {

  public static void main(String[] args) throws IOException {
    String sql =
        Files.readString(Path.of("db", "migrations", "V2__notification_preferences.sql"))
            .replaceAll("\\s+", " ");
    Check.contains(sql, "CREATE TABLE notification_preferences (", "creates the table");
    for (String column : new String[] {"user_id", "type", "channel", "enabled", "updated_at"}) {
      Check.contains(sql, " " + column + " ", "column " + column);
    }
    Check.contains(sql, "REFERENCES users (id)", "rows belong to users");
    Check.contains(sql, "PRIMARY KEY (user_id, type, channel)", "one row per type and channel");
    for (NotificationType type : NotificationType.values()) {
      Check.contains(sql, "'" + type.name() + "'", "type " + type + " is allowed");
    }
    for (Channel channel : Channel.values()) {
      Check.contains(sql, "'" + channel.name() + "'", "channel " + channel + " is allowed");
    }
    Check.done();
  }
}
