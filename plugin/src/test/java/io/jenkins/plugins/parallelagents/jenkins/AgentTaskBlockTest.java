package io.jenkins.plugins.parallelagents.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.model.Label;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The {@code agentTask} block as a pipeline author sees it: its {@code WORKSPACE}, a {@code retry}
 * around it, and the build page's link to the archived report.
 */
@WithJenkins
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AgentTaskBlockTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir Path temp;

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
  }

  @Test
  void theBlocksWorkspace_isTheTasksTree_andNoReportLinkIsShownBeforeOneIsArchived()
      throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.STEPS);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "workspace",
            """
            def checkOut = %s
            node('agents') {
              checkOut()
              readAgentPlan(file: 'agents-plan.yaml')
              agentTask(task: 'api') {
                sh 'test "$WORKSPACE" = "$AGENT_WORKTREE" && echo api > api.txt'
              }
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    assertNull(run.getAction(ParallelAgentsAction.class).getArchivedReport());
  }

  @Test
  void aRetriedTask_startsAfresh_andKeepsTheEarlierTrysCommitsUnderASnapshotRef() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.STEPS);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "retried",
            """
            def checkOut = %s
            node('agents') {
              checkOut()
              def plan = readAgentPlan(file: 'agents-plan.yaml')
              def api
              retry(2) {
                api = agentTask(task: 'api') {
                  sh '''
                    test ! -f api.txt
                    if [ ! -f "$AGENT_RUN_DIR/tried" ]; then
                      touch "$AGENT_RUN_DIR/tried"
                      echo first > api.txt
                      exit 1
                    fi
                    echo second > api.txt
                  '''
                }
              }
              echo "api ${api.status}"
              def ref = "refs/parallel-agents/snapshots/${plan.runId}/api.retry-1"
              def kept = sh(returnStdout: true, script: "git show ${ref}:api.txt")
              echo "earlier try kept: ${kept.trim()}"
              def last = sh(returnStdout: true, script: "git show ${api.branch}:api.txt")
              echo "branch holds: ${last.trim()}"
              def report = ".parallel-agents/runs/${plan.runId}/report.html"
              writeFile file: report, text: '<html></html>'
              archiveArtifacts artifacts: report
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    j.assertLogContains("api SUCCEEDED", run);
    j.assertLogContains("earlier try kept: first", run);
    j.assertLogContains("branch holds: second", run);
    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    assertEquals(
        "../artifact/.parallel-agents/runs/" + action.getRunId() + "/report.html",
        action.getArchivedReport());
  }

  private WorkflowJob pipeline(String name, String script) throws Exception {
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, name);
    job.setDefinition(new CpsFlowDefinition(script, true));
    return job;
  }
}
