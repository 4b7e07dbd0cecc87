package io.jenkins.plugins.parallelagents.jenkins.action;

import java.io.Serializable;
import java.util.Objects;

/**
 * A workspace a build's run used on a node: where its hand-offs, run folders and branches are, and
 * so where the plan's retention is applied when the build ends.
 */
public final class NodeWorkspace implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String node;
  private final String path;

  /**
   * @param node the node's name, empty for the built-in node
   * @param path the workspace's path on that node
   */
  public NodeWorkspace(String node, String path) {
    this.node = node;
    this.path = path;
  }

  public String node() {
    return node;
  }

  public String path() {
    return path;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeWorkspace that && node.equals(that.node) && path.equals(that.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, path);
  }

  @Override
  public String toString() {
    return (node.isEmpty() ? "built-in" : node) + ":" + path;
  }
}
