package io.jenkins.plugins.parallelagents.excerpt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven Surefire (and Failsafe) console output. Its closing summary names each failure in a {@code
 * [ERROR] Failures:} or {@code [ERROR] Errors:} block ({@code [ERROR] CalcTest.adds:42 expected
 * ...}); a build that died before the summary still printed a {@code <<< FAILURE!} line per failed
 * method as it ran. The summary wins when both are there, so that no test is named twice.
 */
final class SurefireFailures implements LogFormat {

  private static final Pattern BLOCK = Pattern.compile("^\\[ERROR\\] (Failures|Errors): *$");
  private static final Pattern RERUN = Pattern.compile("^\\[ERROR\\] +Run \\d+:.*$");
  private static final Pattern ENTRY = Pattern.compile("^\\[ERROR\\] {2,}(\\S+).*$");
  private static final Pattern RERUN_HEADER = Pattern.compile("^\\[ERROR\\] (\\S+) *$");
  private static final Pattern METHOD =
      Pattern.compile(
          "^\\[ERROR\\] ([^\\s(]+)(?:\\(([^\\s)]*)\\))?(?: --)? +Time elapsed:.*<<< (?:FAILURE|ERROR)!.*$");
  private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+$");

  private final List<String> summary = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private boolean inBlock;

  @Override
  public void line(String line) {
    if (BLOCK.matcher(line).matches()) {
      inBlock = true;
      return;
    }
    if (inBlock && block(line)) {
      return;
    }
    inBlock = false;
    Matcher method = METHOD.matcher(line);
    if (method.matches()) {
      // JUnit 4 runs print "method(Class)"; later ones the whole "Class.method".
      add(
          methods,
          method.group(2) == null ? method.group(1) : method.group(2) + "." + method.group(1));
    }
  }

  /** Reads one line of a summary block; false when the block has ended. */
  private boolean block(String line) {
    if (RERUN.matcher(line).matches()) {
      return true; // a flaky test is listed once, then "Run 1: ..." per rerun
    }
    Matcher entry = ENTRY.matcher(line);
    if (!entry.matches()) {
      entry = RERUN_HEADER.matcher(line);
    }
    if (entry.matches()) {
      add(summary, LINE_NUMBER.matcher(entry.group(1)).replaceFirst(""));
      return true;
    }
    return false;
  }

  private static void add(List<String> names, String name) {
    if (names.size() < FailingTests.MAX_NAMES) {
      names.add(name);
    }
  }

  @Override
  public void names(FailingTests names) {
    (summary.isEmpty() ? methods : summary).forEach(names::add);
  }
}
