package io.jenkins.plugins.parallelagents.bench;

import java.util.List;

/**
 * One task of a generated plan.
 *
 * @param durationMs how long its scripted agent sleeps before changing its files
 */
record BenchTask(String id, List<String> needs, boolean foundation, long durationMs) {
  BenchTask {
    needs = List.copyOf(needs);
  }
}
