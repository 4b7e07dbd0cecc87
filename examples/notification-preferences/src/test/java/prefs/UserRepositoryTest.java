package prefs;

import prefs.testing.Check;

public final class UserRepositoryTest {

  public static void main(String[] args) {
    addGivesIncreasingIds();
    findReturnsTheUserOrNothing();
    Check.done();
  }

  static void addGivesIncreasingIds() {
    UserRepository users = new UserRepository();
    User ada = users.add("Ada", "ada@example.com", "+44 20 7946 0001");
    User alan = users.add("Alan", "alan@example.com", null);
    Check.equal(1L, ada.id(), "first id");
    Check.equal(2L, alan.id(), "second id");
    Check.equal(2, users.all().size(), "all users");
  }

  static void findReturnsTheUserOrNothing() {
    UserRepository users = new UserRepository();
    User ada = users.add("Ada", "ada@example.com", null);
    Check.equal(ada, users.find(ada.id()).orElse(null), "known user");
    Check.isTrue(users.find(42).isEmpty(), "unknown user is empty");
  }
}
