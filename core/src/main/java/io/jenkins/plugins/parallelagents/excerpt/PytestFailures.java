package io.jenkins.plugins.parallelagents.excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest's short test summary: {@code FAILED tests/test_x.py::test_name - AssertionError ...} for a
 * failed test, {@code ERROR tests/test_x.py::test_name - ...} for one whose fixture broke.
 */
final class PytestFailures implements LogFormat {

  private static final Pattern SUMMARY =
      Pattern.compile("^(?:FAILED|ERROR) (\\S+::\\S.*?)(?: - .*)?$");

  private final List<String> found = new ArrayList<>();

  @Override
  public void line(String line) {
    Matcher summary = SUMMARY.matcher(line);
    if (summary.matches() && found.size() < FailingTests.MAX_NAMES) {
      found.add(summary.group(1));
    }
  }

  @Override
  public void names(FailingTests names) {
    found.forEach(names::add);
  }
}
