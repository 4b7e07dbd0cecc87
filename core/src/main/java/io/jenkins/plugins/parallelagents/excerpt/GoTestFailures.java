package io.jenkins.plugins.parallelagents.excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go test}: {@code --- FAIL: TestName (0.00s)}, a subtest indented under its parent as
 * {@code --- FAIL: TestName/case}. A parent fails whenever a subtest does; it is named only when
 * none of its subtests is.
 */
final class GoTestFailures implements LogFormat {

  private static final Pattern FAIL = Pattern.compile("^\\s*--- FAIL: (\\S+)(?: \\(.*\\))?\\s*$");

  private final List<String> found = new ArrayList<>();

  @Override
  public void line(String line) {
    Matcher fail = FAIL.matcher(line);
    if (fail.matches() && found.size() < FailingTests.MAX_NAMES) {
      found.add(fail.group(1));
    }
  }

  @Override
  public void names(FailingTests names) {
    for (String name : found) {
      boolean hasFailedSubtest = found.stream().anyMatch(other -> other.startsWith(name + "/"));
      if (!hasFailedSubtest) {
        names.add(name);
      }
    }
  }
}
