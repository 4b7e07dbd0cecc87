package prefs.testing;

import java.util.Objects;

/**
 * The project's whole test harness. A test class is a {@code main} that calls these checks and ends
 * with {@link #done()}; the first failed check prints where and why, and exits with status 1.
 */
public final class Check {

  /** Code under test, allowed to throw. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private static int passed;

  private Check() {}

  public static void isTrue(boolean condition, String what) {
    if (!condition) {
      fail(what);
    }
    passed++;
  }

  public static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      fail(what + "\n    expected: " + expected + "\n    but was:  " + actual);
    }
    passed++;
  }

  public static void contains(String text, String part, String what) {
    if (text == null || !text.contains(part)) {
      fail(what + "\n    expected to contain: " + part + "\n    in: " + text);
    }
    passed++;
  }

  /** Runs {@code action}, which must throw a {@code type}; returns it for further checks. */
  public static <T extends Throwable> T fails(Class<T> type, Action action, String what) {
    try {
      action.run();
    } catch (Throwable thrown) {
      if (type.isInstance(thrown)) {
        passed++;
        return type.cast(thrown);
      }
      fail(what + "\n    expected " + type.getSimpleName() + " but got " + thrown);
    }
    fail(what + "\n    expected " + type.getSimpleName() + " but nothing was thrown");
    return null;
  }

  /** Ends a test class: prints one line with the number of checks that passed. */
  public static void done() {
    System.out.println("ok    " + caller().getClassName() + " (" + passed + " checks)");
  }

  private static void fail(String message) {
    StackWalker.StackFrame at = caller();
    System.err.println(
        "FAIL  "
            + at.getClassName()
            + "."
            + at.getMethodName()
            + ":"
            + at.getLineNumber()
            + ": "
            + message);
    System.exit(1);
  }

  /** The test code that called into this harness. */
  private static StackWalker.StackFrame caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(Check.class.getName()))
                    .findFirst()
                    .orElseThrow());
  }
}
