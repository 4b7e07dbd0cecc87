package io.jenkins.plugins.parallelagents.plan;

/**
 * Where something starts in the plan file, 1-based; line 0 stands for the whole file (a key that is
 * missing has no place of its own).
 */
record Position(int line, int column) {
  static final Position FILE = new Position(0, 0);
}
