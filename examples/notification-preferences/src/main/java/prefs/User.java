package prefs;

import java.util.Objects;

/**
 * A person who uses the shop.
 *
 * @param phone mobile number for SMS, or {@code null} when the user gave none
 */
public record User(long id, String name, String email, String phone) {
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }
}
