package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.secrets.FolderMasker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Masks the build's sensitive values in the run's files on the node, before they are stashed or
 * archived. Jenkins masks them in the build log only; the engine masks secret-looking variables as
 * it writes, but a credential bound around the steps ({@code withCredentials}) under a plain name,
 * or printed by the block into a log, would reach the archive as it is. The sensitive variables are
 * the ones the step's {@link EnvironmentExpander} names; their values travel inside the call, like
 * the build's environment ({@link NodeEnvironment}), and no log line holds them.
 */
final class ArchiveMasking extends MasterToSlaveFileCallable<Integer> {

  private static final long serialVersionUID = 1L;

  private final String runId;
  private final String taskId;
  private final ArrayList<String> values;

  /**
   * @param taskId the task whose folder is masked, or {@code null} for the run's whole folder
   */
  private ArchiveMasking(String runId, String taskId, ArrayList<String> values) {
    this.runId = runId;
    this.taskId = taskId;
    this.values = values;
  }

  /** Masks a task's folder: its prompt, step logs and diff. */
  static void task(StepContext context, String runId, String taskId)
      throws IOException, InterruptedException {
    mask(context, runId, taskId);
  }

  /** Masks the run's folder: its reports, the merge's and the test's logs, the tasks' folders. */
  static void run(StepContext context, String runId) throws IOException, InterruptedException {
    mask(context, runId, null);
  }

  private static void mask(StepContext context, String runId, String taskId)
      throws IOException, InterruptedException {
    EnvironmentExpander expander = context.get(EnvironmentExpander.class);
    EnvVars environment = context.get(EnvVars.class);
    FilePath workspace = context.get(FilePath.class);
    if (expander == null || environment == null || workspace == null) {
      return;
    }
    ArrayList<String> values = new ArrayList<>();
    expander.getSensitiveVariables().stream()
        .map(environment::get)
        .filter(Objects::nonNull)
        .forEach(values::add);
    if (values.isEmpty()) {
      return; // nothing bound: the call would cross to the node for nothing
    }
    int masked = workspace.act(new ArchiveMasking(runId, taskId, values));
    if (masked > 0) {
      TaskListener listener = context.get(TaskListener.class);
      if (listener != null) {
        listener
            .getLogger()
            .println(
                "masked the build's credentials in "
                    + masked
                    + (masked == 1 ? " file" : " files")
                    + (taskId == null ? " of run " + runId : " of task '" + taskId + "'"));
      }
    }
  }

  @Override
  public Integer invoke(File workspace, VirtualChannel channel) throws IOException {
    Path runFolder = workspace.toPath().resolve(NodeRun.runPath(runId)).normalize();
    Path folder =
        taskId == null ? runFolder : new RunDirectory(runFolder).taskDir(taskId).normalize();
    if (!folder.startsWith(runFolder)) {
      throw new AbortException("task id '" + taskId + "' does not name a folder of the run");
    }
    return new FolderMasker(values).maskUnder(folder);
  }
}
