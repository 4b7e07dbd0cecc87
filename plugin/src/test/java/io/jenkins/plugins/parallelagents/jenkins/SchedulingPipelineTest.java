package io.jenkins.plugins.parallelagents.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.nodes.StepAtomNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * How parallelAgents schedules and ends tasks: dependants started by the end of what they need
 * (no polling), the plan's maxParallel, skipped stages, an aborted build and a node that fails.
 */
@WithJenkins
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SchedulingPipelineTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  @TempDir Path temp;

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
  }

  /**
   * Thirty tasks in three chains of ten, at most three at once: each task checks that the task
   * before it in its chain was merged in, and notes how many tasks ran beside it.
   */
  private static String chains(int maxParallel) {
    StringBuilder plan =
        new StringBuilder(
            """
            version: 1
            name: chains
            target: agents/chains
            maxParallel: %d
            tasks:
            """
                .formatted(maxParallel));
    for (char chain : new char[] {'a', 'b', 'c'}) {
      for (int i = 0; i < 10; i++) {
        plan.append("  - id: ").append(chain).append(i).append("\n    prompt: Link ").append(i);
        plan.append("\n");
        if (i > 0) {
          plan.append("    needs: [").append(chain).append(i - 1).append("]\n");
          plan.append("    verify: test -f ").append(chain).append(i - 1).append(".txt\n");
        }
      }
    }
    plan.append("test:\n  command: test -f a9.txt && test -f b9.txt && test -f c9.txt\n");
    plan.append("publish:\n  remote: origin\n");
    return plan.toString();
  }

  @Test
  void thirtyTasksInChainsRunAsTheirNeedsEnd_withoutPolling_andNeverMoreThanMaxParallel()
      throws Exception {
    SampleRepository repo = SampleRepository.create(temp, chains(3));
    for (int i = 0; i < 3; i++) {
      j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    }
    Path running = Files.createDirectories(temp.resolve("running"));
    WorkflowJob job =
        pipeline(
            "chains",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              sh '''
                touch "%s/$AGENT_TASK_ID"
                ls "%s" | wc -l > "$AGENT_TASK_ID.txt"
                sleep 1
                rm "%s/$AGENT_TASK_ID"
              '''
            }
            """
                .formatted(repo.checkoutClosure(), running, running, running));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    List<String> stepNames = stepFunctions(run);
    assertFalse(stepNames.contains("waitUntil"), "no task polls for its needs");
    assertThat(stepNames, hasItems("awaitAgentTask", "endAgentTask"));
    for (char chain : new char[] {'a', 'b', 'c'}) {
      for (int i = 0; i < 10; i++) {
        String besides = repo.show("agents/chains", chain + "" + i + ".txt").trim();
        assertThat(Integer.parseInt(besides), lessThanOrEqualTo(3));
      }
    }
    assertEquals("SUCCEEDED", run.getAction(ParallelAgentsAction.class).getStatus());
  }

  @Test
  void aSkippedTaskIsNotBuiltWithoutAnErrorLine() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "skipped",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              if (task.id == 'api') { error 'the agent gave up' }
              writeFile file: "${task.id}.txt", text: task.id
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    j.assertLogContains("Skipped: it needs 'api', which did not succeed", run);
    j.assertLogNotContains("ERROR: Skipped", run);
    FlowNode skip =
        stepNodes(run, "endAgentTask").stream()
            .filter(node -> node.getPersistentAction(WarningAction.class) != null)
            .findFirst()
            .orElseThrow();
    assertEquals(Result.NOT_BUILT, skip.getPersistentAction(WarningAction.class).getResult());
    RunReport report = run.getAction(ParallelAgentsAction.class).report();
    assertEquals(TaskStatus.SKIPPED, report.task("page").orElseThrow().status());
    assertEquals(TaskStatus.SUCCEEDED, report.task("worker").orElseThrow().status());
  }

  @Test
  void anAbortMidTaskRecordsItCancelledAndStillWritesTheReport() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    Path started = temp.resolve("api-started");
    WorkflowJob job =
        pipeline(
            "aborted",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              if (task.id == 'api') {
                sh 'touch "%s"; sleep 600'
              }
              writeFile file: "${task.id}.txt", text: task.id
            }
            """
                .formatted(repo.checkoutClosure(), started));

    WorkflowRun run = job.scheduleBuild2(0).waitForStart();
    waitFor(started);
    run.doStop();
    j.waitForCompletion(run);

    j.assertBuildStatus(Result.ABORTED, run);
    RunReport report = run.getAction(ParallelAgentsAction.class).report();
    assertNotNull(report, "the merge stage wrote the report although the build was aborted");
    TaskReport api = report.task("api").orElseThrow();
    assertEquals(TaskStatus.CANCELLED, api.status());
    assertEquals(TaskStatus.SKIPPED, report.task("page").orElseThrow().status());
    assertFalse(repo.hasBranch("agents/block"), "nothing is published from an aborted build");
    String reports = ".parallel-agents/runs/" + report.run().id() + "/";
    assertThat(artifacts(run), hasItems(reports + "report.json", reports + "junit.xml"));
  }

  @Test
  void anAbortWhileEveryTaskRuns_stopsTheRun_andPublishesNothing() throws Exception {
    // No task waits for another here: the abort reaches running agents only.
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.RETENTION);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    Path started = temp.resolve("api-started");
    WorkflowJob job =
        pipeline(
            "aborted-running",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task ->
              if (task.id == 'api') {
                sh 'touch "%s"; sleep 600'
              }
              writeFile file: "${task.id}.txt", text: task.id
            }
            """
                .formatted(repo.checkoutClosure(), started));

    WorkflowRun run = job.scheduleBuild2(0).waitForStart();
    waitFor(started);
    run.getExecutor().interrupt(Result.ABORTED, new CauseOfInterruption.UserInterruption("alice"));
    j.waitForCompletion(run);

    j.assertBuildStatus(Result.ABORTED, run);
    RunReport report = run.getAction(ParallelAgentsAction.class).report();
    assertNotNull(report, "the merge stage wrote the report");
    assertEquals(TaskStatus.CANCELLED, report.task("api").orElseThrow().status());
    assertEquals(MergeStatus.SKIPPED, report.merge().status());
    assertFalse(repo.hasBranch("agents/retention"), "nothing is published from an aborted build");
  }

  @Test
  void approveBeforePublish_pushesOnlyOnceSomeoneApproves_holdingNoExecutorMeanwhile()
      throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "approved",
            """
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s,
                           approveBeforePublish: true) { task ->
              writeFile file: "${task.id}.txt", text: task.id
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = job.scheduleBuild2(0).waitForStart();
    InputAction input = null;
    for (int i = 0; i < 1200 && (input == null || input.getExecutions().isEmpty()); i++) {
      Thread.sleep(100);
      input = run.getAction(InputAction.class);
    }
    assertNotNull(input, "the build waits for approval");
    assertFalse(repo.hasBranch("agents/block"), "nothing is pushed before the approval");
    int busy = 0;
    for (hudson.model.Computer computer : j.jenkins.getComputers()) {
      busy += computer.countBusy();
    }
    assertEquals(0, busy, "no executor is held while waiting");
    input.getExecutions().get(0).proceed((Map<String, Object>) null);
    j.assertBuildStatusSuccess(j.waitForCompletion(run));

    assertEquals("page", repo.show("agents/block", "page.txt"));
    assertThat(stageNamesOf(run), hasItems("Merge & Test", "Approve", "Publish"));
  }

  @Test
  void aTaskWhoseNodeFailsIsRecordedFailedAndTheOthersAreStillMerged() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.BLOCK);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "infra",
            """
            def clone = %s
            parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: {
              if (env.STAGE_NAME == 'worker') { error 'the disk of this node is full' }
              clone()
            }) { task ->
              writeFile file: "${task.id}.txt", text: task.id
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    RunReport report = run.getAction(ParallelAgentsAction.class).report();
    assertNotNull(report, "Merge & Test ran and wrote the report");
    TaskReport worker = report.task("worker").orElseThrow();
    assertEquals(TaskStatus.FAILED, worker.status());
    assertTrue(
        worker.reason().contains("the disk of this node is full"),
        "the report says why: " + worker.reason());
    assertThat(report.merge().merged(), hasItems("api", "page"));
    String reports = ".parallel-agents/runs/" + report.run().id() + "/";
    assertThat(artifacts(run), hasItem(reports + "junit.xml"));
  }

  @Test
  void mergeAndPublishRunAgainAfterAPush_asARetriedStageDoes_neitherMergeNorPushAgain()
      throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.STEPS);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "again",
            """
            def checkOut = %s
            node('agents') {
              checkOut()
              def plan = readAgentPlan(file: 'agents-plan.yaml')
              planAgentTask(task: 'api')
              planAgentTask(task: 'web')
              def first = mergeAgentBranches()
              publishAgentBranch()
              def again = mergeAgentBranches()
              def published = publishAgentBranch()
              echo "same commit: ${first.commit == again.commit}, publish ${published.status}"
            }
            """
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    j.assertLogContains("; not merging again", run);
    j.assertLogContains("same commit: true, publish PUSHED", run);
    assertEquals("web", repo.show("agents/steps", "web.txt"));
  }

  @Test
  void aPlanAskingForBestOfNIsRefusedAtPlan() throws Exception {
    SampleRepository repo =
        SampleRepository.create(
            temp, SamplePlans.BLOCK.replace("prompt: Add the worker.", "prompt: w\n    attempts: 3"));
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job =
        pipeline(
            "attempts",
            "parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s) { task -> }"
                .formatted(repo.checkoutClosure()));

    WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

    j.assertLogContains("task 'worker' sets attempts: 3, but a run across nodes", run);
    assertThat(stepNodes(run, "agentTask"), empty());
  }

  private static void waitFor(Path file) throws InterruptedException {
    for (int i = 0; i < 1200 && !Files.exists(file); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(file), "the agent started: " + file);
  }

  private WorkflowJob pipeline(String name, String script) throws Exception {
    WorkflowJob job = j.createProject(WorkflowJob.class, name);
    job.setDefinition(new CpsFlowDefinition(script, true));
    return job;
  }

  private static List<FlowNode> stepNodes(WorkflowRun run, String function) {
    return new DepthFirstScanner()
        .filteredNodes(
            run.getExecution(),
            node ->
                node instanceof StepAtomNode atom
                    && atom.getDescriptor() != null
                    && function.equals(atom.getDescriptor().getFunctionName()));
  }

  private static List<String> stepFunctions(WorkflowRun run) {
    List<String> names = new ArrayList<>();
    for (FlowNode node : new DepthFirstScanner().allNodes(run.getExecution())) {
      if (node instanceof StepNode step
          && step.getDescriptor() != null) {
        names.add(step.getDescriptor().getFunctionName());
      }
    }
    return names;
  }

  private static List<String> stageNamesOf(WorkflowRun run) {
    return new DepthFirstScanner()
        .filteredNodes(run.getExecution(), node -> node.getPersistentAction(LabelAction.class) != null)
        .stream()
        .map(node -> node.getPersistentAction(LabelAction.class).getDisplayName())
        .toList();
  }

  private static List<String> artifacts(WorkflowRun run) {
    return run.getArtifacts().stream().map(artifact -> artifact.relativePath).toList();
  }
}
