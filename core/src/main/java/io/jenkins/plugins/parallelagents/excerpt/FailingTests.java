package io.jenkins.plugins.parallelagents.excerpt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The failing test names of one excerpt: each once, in the order found, at most {@link #MAX_NAMES}
 * of them and each cut to {@link #MAX_NAME} characters, so that a suite where everything broke
 * still gives a report one can read.
 */
final class FailingTests {

  static final int MAX_NAMES = 50;
  static final int MAX_NAME = 200;

  private final Set<String> names = new LinkedHashSet<>();

  void add(String name) {
    if (name == null || isFull()) {
      return;
    }
    String clean = name.strip();
    if (clean.isEmpty()) {
      return;
    }
    names.add(clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) + "…" : clean);
  }

  boolean isFull() {
    return names.size() >= MAX_NAMES;
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  List<String> toList() {
    return List.copyOf(names);
  }
}
