package io.jenkins.plugins.parallelagents.excerpt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TAP, as {@code node --test} prints it when its output is not a terminal: {@code not ok N - name}
 * lines, subtests indented four spaces under a {@code # Subtest: name} line, each test's details in
 * an indented YAML block. A failed test is named with its parents ({@code suite › test}) when none
 * of its own subtests failed: the leaves say what broke, and a parent that failed by itself (a
 * hook, a throw outside its subtests) is then the failure.
 */
final class TapFailures implements LogFormat {

  private static final Pattern TEST_POINT =
      Pattern.compile("^( *)(not ok|ok)\\b(?: +\\d+)?(?: *-)? *(.*)$");
  private static final Pattern SUBTEST = Pattern.compile("^( *)# Subtest: (.*)$");
  private static final Pattern TODO = Pattern.compile("(?i)\\s#\\s*todo\\b.*$");

  /** The name of the subtest open at each depth: where a failed leaf's parents come from. */
  private final Map<Integer, String> open = new HashMap<>();

  /** How many tests failed at each depth since the test above them began. */
  private final Map<Integer, Integer> failedBelow = new HashMap<>();

  private final List<String> found = new ArrayList<>();

  /** The indentation of the open YAML block's {@code ---}, or -1 outside one. */
  private int yamlIndent = -1;

  @Override
  public void line(String line) {
    int indent = indent(line);
    String trimmed = line.strip();
    if (yamlIndent >= 0) {
      // An error message in the block can read "not ok"; only the block's end matters here.
      if (indent == yamlIndent && trimmed.equals("...")) {
        yamlIndent = -1;
      }
      return;
    }
    if (trimmed.equals("---")) {
      yamlIndent = indent;
      return;
    }
    Matcher subtest = SUBTEST.matcher(line);
    if (subtest.matches()) {
      open.put(depth(subtest.group(1)), subtest.group(2).strip());
      return;
    }
    Matcher point = TEST_POINT.matcher(line);
    if (point.matches()) {
      testEnded(depth(point.group(1)), point.group(2).equals("not ok"), point.group(3));
    }
  }

  private void testEnded(int depth, boolean failed, String description) {
    boolean childFailed = failedBelow.getOrDefault(depth + 1, 0) > 0;
    failedBelow.keySet().removeIf(d -> d > depth);
    String name = TODO.matcher(description).replaceFirst("");
    if (!failed || !name.equals(description)) {
      return; // a failing TODO test is expected to fail
    }
    failedBelow.merge(depth, 1, Integer::sum);
    if (!childFailed && found.size() < FailingTests.MAX_NAMES) {
      found.add(path(depth, name));
    }
  }

  private String path(int depth, String name) {
    StringBuilder path = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      String parent = open.get(d);
      if (parent != null) {
        path.append(parent).append(" › ");
      }
    }
    return path.append(name).toString();
  }

  @Override
  public void names(FailingTests names) {
    found.forEach(names::add);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int depth(String indentation) {
    return indentation.length() / 4;
  }
}
