package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.push.CleanPush;
import io.jenkins.plugins.parallelagents.push.PushException;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/** The merge node's part of a clean push: the push repository, made beside the workspace. */
final class PushCalls {

  private PushCalls() {}

  /**
   * @param repository the push repository's path on the node
   * @param environment what git pushes from it with (before the credential)
   */
  record Staged(String repository, HashMap<String, String> environment) implements Serializable {}

  /** Fetches the result commit from the workspace's repository into a new push repository. */
  static final class Stage extends MasterToSlaveFileCallable<Staged> {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> host;
    private final String commit;
    private final String scratch;

    Stage(HashMap<String, String> host, String commit, String scratch) {
      this.host = host;
      this.commit = commit;
      this.scratch = scratch;
    }

    @Override
    public Staged invoke(File workspace, VirtualChannel channel) throws IOException {
      try {
        CleanPush push = CleanPush.stage(host, workspace.toPath(), commit, Path.of(scratch));
        Map<String, String> environment = push.environment();
        return new Staged(push.release().toString(), new HashMap<>(environment));
      } catch (PushException e) {
        throw new AbortException(e.getMessage());
      }
    }
  }
}
