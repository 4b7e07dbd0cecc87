package prefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users by id, in memory; the {@code users} table of db/migrations in a real deployment. */
public final class UserRepository {

  private final Map<Long, User> users = new LinkedHashMap<>();
  private long lastId;

  /** Adds a user with the next free id. */
  public synchronized User add(String name, String email, String phone) {
    User user = new User(++lastId, name, email, phone);
    users.put(user.id(), user);
    return user;
  }

  public synchronized Optional<User> find(long id) {
    return Optional.ofNullable(users.get(id));
  }

  public synchronized List<User> all() {
    return new ArrayList<>(users.values());
  }
}
