package io.jenkins.plugins.parallelagents.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart while a task's block runs: the block is a Pipeline {@code sh} step, so it
 * goes on after the restart, and the task, the tasks waiting for it and the merge finish.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RestartPipelineTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @RegisterExtension final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @TempDir Path temp;

  @Test
  void aRestartDuringABlockTaskLosesNothing() throws Throwable {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    Path started = temp.resolve("api-started");
    Path release = temp.resolve("api-release");
    sessions.then(
        j -> {
          // The built-in node, which survives the restart with the controller.
          j.jenkins.getGlobalNodeProperties().add(
              new EnvironmentVariablesNodeProperty(
                  repo.nodeEnvironment().entrySet().stream()
                      .map(e -> new EnvironmentVariablesNodeProperty.Entry(e.getKey(), e.getValue()))
                      .toList()));
          WorkflowJob job = j.createProject(WorkflowJob.class, "restart");
          job.setDefinition(
              new CpsFlowDefinition(
                  """
                  parallelAgents(plan: 'agents-plan.yaml', allowBuiltIn: true, checkout: %s) { task ->
                    if (task.id == 'api') {
                      sh 'touch "%s"; while [ ! -f "%s" ]; do sleep 1; done'
                    }
                    writeFile file: "${task.id}.txt", text: task.id
                  }
                  """
                      .formatted(repo.checkoutClosure(), started, release),
                  true));
          job.scheduleBuild2(0).waitForStart();
          for (int i = 0; i < 1200 && !Files.exists(started); i++) {
            Thread.sleep(100);
          }
          assertTrue(Files.exists(started), "the block of 'api' runs");
        });
    sessions.then(
        j -> {
          WorkflowJob job = j.jenkins.getItemByFullName("restart", WorkflowJob.class);
          WorkflowRun run = job.getBuildByNumber(1);
          Files.writeString(release, "go\n");
          j.assertBuildStatusSuccess(j.waitForCompletion(run));
          assertEquals("SUCCEEDED", run.getAction(ParallelAgentsAction.class).getStatus());
          assertEquals("api", repo.show("agents/block", "api.txt"));
          assertEquals("page", repo.show("agents/block", "page.txt"));
        });
  }
}
