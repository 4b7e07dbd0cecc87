package io.jenkins.plugins.parallelagents.excerpt;

/**
 * One test runner's console output, read line by line for the tests it says failed. Each format
 * sees every line of the log once, in order, and keeps only what it needs: a log can be megabytes.
 */
interface LogFormat {

  /** The next line of the log, without its line break. */
  void line(String line);

  /** Hands the failing tests this format recognised to {@code names}, in the order they failed. */
  void names(FailingTests names);
}
