package io.jenkins.plugins.parallelagents.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the process writes to: an interactive terminal that understands cursor movement, and how
 * wide it is.
 */
record Terminal(boolean interactive, int width) {

  static final int DEFAULT_WIDTH = 100;

  static final Terminal NONE = new Terminal(false, DEFAULT_WIDTH);

  /**
   * Interactive when both standard streams are a console (that is when the JVM gives one) and
   * {@code TERM} does not say the terminal is dumb (Emacs shells, some CI log viewers).
   */
  static Terminal detect(Map<String, String> environment) {
    boolean interactive =
        System.console() != null && !"dumb".equals(environment.getOrDefault("TERM", ""));
    return interactive ? new Terminal(true, width(environment)) : NONE;
  }

  private static int width(Map<String, String> environment) {
    try {
      int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", ""));
      if (columns > 0) {
        return columns;
      }
    } catch (NumberFormatException notSet) {
      // shells rarely export COLUMNS: ask the terminal itself
    }
    return sttyWidth();
  }

  /** {@code stty size} answers "rows columns" for the terminal on its standard input. */
  private static int sttyWidth() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return DEFAULT_WIDTH;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        return DEFAULT_WIDTH;
      }
      String[] parts = answer.trim().split("\\s+");
      int columns = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return columns > 0 ? columns : DEFAULT_WIDTH;
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_WIDTH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_WIDTH;
    }
  }
}
