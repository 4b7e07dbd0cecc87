package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.ReportUpdate;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.push.CleanPush;
import io.jenkins.plugins.parallelagents.push.PushException;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * The merge node's part of publishing: the push repository, made beside the workspace, and the
 * outcome recorded from the report the controller kept when the merge returned (never the
 * workspace's {@code report.json}, which anything that ran there since could have rewritten).
 */
final class PushCalls {

  private PushCalls() {}

  /**
   * @param repository the push repository's path on the node
   * @param environment what git pushes from it with (before the credential)
   * @param sshWithoutUserConfig what makes an SSH push read no {@code ~/.ssh/config}, added for a
   *     push with a bound credential
   */
  record Staged(
      String repository,
      HashMap<String, String> environment,
      HashMap<String, String> sshWithoutUserConfig)
      implements Serializable {}

  /**
   * Fetches the result commit, by its id, from the workspace's repository into a new push
   * repository; fails when the workspace does not hold that very commit.
   */
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
        try {
          Map<String, String> ssh = push.sshWithoutUserConfig();
          Map<String, String> environment = push.environment();
          return new Staged(
              push.release().toString(), new HashMap<>(environment), new HashMap<>(ssh));
        } catch (IOException | RuntimeException e) {
          push.close();
          throw e;
        }
      } catch (PushException e) {
        throw new AbortException(e.getMessage());
      }
    }
  }

  /** Records how publishing went; returns the final {@code report.json}. */
  static final class Record extends MergeCalls.OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final String merged;
    private final String publish;
    private final long durationMs;

    /**
     * @param merged the report the controller kept from the merge, as JSON
     * @param publish the {@link PublishReport}, as JSON
     */
    Record(
        NodeSpec spec,
        NodeEnvironment environment,
        String merged,
        String publish,
        long durationMs) {
      super(spec, environment);
      this.merged = merged;
      this.publish = publish;
      this.durationMs = durationMs;
    }

    @Override
    String call(NodeRun run, CommandRunner runner) throws IOException {
      RunReport kept = new ReportJson().fromJson(merged);
      PublishReport report = Wire.read(publish, PublishReport.class);
      return new ReportJson().toJson(new ReportUpdate(run).published(kept, report, durationMs));
    }
  }

  /**
   * Records that the build may not publish (publish {@code SKIPPED} with the reason); returns the
   * final {@code report.json}.
   */
  static final class Withhold extends MergeCalls.OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final String merged;
    private final String why;

    /**
     * @param merged the report the controller kept from the merge, as JSON
     */
    Withhold(NodeSpec spec, NodeEnvironment environment, String merged, String why) {
      super(spec, environment);
      this.merged = merged;
      this.why = why;
    }

    @Override
    String call(NodeRun run, CommandRunner runner) throws IOException {
      RunReport kept = new ReportJson().fromJson(merged);
      return new ReportJson().toJson(new ReportUpdate(run).withheld(kept, why));
    }
  }
}
