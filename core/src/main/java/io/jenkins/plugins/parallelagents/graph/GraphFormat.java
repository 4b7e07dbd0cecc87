package io.jenkins.plugins.parallelagents.graph;

/** The ways a plan's graph can be shown. */
public enum GraphFormat {
  /** Foundation tasks, then the other tasks by level, with their needs; for a terminal. */
  TEXT,
  /** A Mermaid flowchart, rendered by GitHub, GitLab and many editors. */
  MERMAID,
  /** A Graphviz digraph. */
  DOT
}
