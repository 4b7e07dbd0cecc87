package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;

/** Asks core's graph renderer for a plan's task graph in one of the {@link GraphFormat}s. */
final class GraphOutput {

  private GraphOutput() {}

  static String render(Plan plan, GraphFormat format) {
    throw new UnsupportedOperationException("the graph renderer has not landed in core yet");
  }
}
