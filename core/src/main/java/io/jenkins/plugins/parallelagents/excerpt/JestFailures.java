package io.jenkins.plugins.parallelagents.excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jest: a {@code ● Suite › test} header before each failure's details names the test with its
 * suites; the {@code ✕ test (3 ms)} lines of the verbose listing name it alone. The headers win
 * when both are there; {@code ● Console} and {@code ● Test suite failed to run} are not tests.
 */
final class JestFailures implements LogFormat {

  private static final Pattern HEADER = Pattern.compile("^ {2}● (.+)$");
  private static final Pattern CROSS =
      Pattern.compile("^\\s+✕ (.+?)(?: \\(\\d+(?:\\.\\d+)? ?m?s\\))?$");
  private static final List<String> NOT_TESTS = List.of("Console", "Test suite failed to run");

  private final List<String> headers = new ArrayList<>();
  private final List<String> crosses = new ArrayList<>();

  @Override
  public void line(String line) {
    Matcher header = HEADER.matcher(line);
    if (header.matches()) {
      String name = header.group(1).strip();
      if (!NOT_TESTS.contains(name) && headers.size() < FailingTests.MAX_NAMES) {
        headers.add(name);
      }
      return;
    }
    Matcher cross = CROSS.matcher(line);
    if (cross.matches() && crosses.size() < FailingTests.MAX_NAMES) {
      crosses.add(cross.group(1));
    }
  }

  @Override
  public void names(FailingTests names) {
    (headers.isEmpty() ? crosses : headers).forEach(names::add);
  }
}
