package io.jenkins.plugins.parallelagents.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The build's sensitive values are masked in the run's files on the node. {@code sensitiveEnv}
 * binds a variable as {@code withCredentials} does (an expander that names it sensitive), under a
 * name the engine's own masking would not recognise.
 */
@WithJenkins
class ArchiveMaskingTest {

  private static final String SECRET = "plain-named-value-7f3a";

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
  }

  @Test
  void aBoundValue_isMaskedInEveryFileOfTheRunOnTheNode_andNeverShownInTheLog() throws Exception {
    DumbSlave agent = j.createOnlineSlave(Label.get("masking"));
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "masking");
    job.setDefinition(
        new CpsFlowDefinition(
            """
            node('masking') {
              writeFile file: '.parallel-agents/runs/r1/tasks/api/agent.log', text: 'using %s now'
              writeFile file: '.parallel-agents/runs/r1/report.json', text: '{"reason":"%s"}'
              writeFile file: '.parallel-agents/runs/r2/test.log', text: '%s'
              sensitiveEnv(name: 'PLAIN_NAME', value: '%s') {
                maskArchivedRun(runId: 'r1', taskId: 'api')
                maskArchivedRun(runId: 'r1')
              }
            }
            """
                .formatted(SECRET, SECRET, SECRET, SECRET),
            true));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    FilePath runs = agent.getWorkspaceFor(job).child(".parallel-agents/runs");
    assertEquals("using **** now", runs.child("r1/tasks/api/agent.log").readToString());
    assertEquals("{\"reason\":\"****\"}", runs.child("r1/report.json").readToString());
    assertEquals(SECRET, runs.child("r2/test.log").readToString(), "another run is not touched");
    j.assertLogContains("masked the build's credentials in 1 file of task 'api'", run);
    j.assertLogContains("masked the build's credentials in 1 file of run r1", run);
    j.assertLogNotContains(SECRET, run);
  }

  @Test
  void withoutSensitiveVariables_nothingIsMasked() throws Exception {
    DumbSlave agent = j.createOnlineSlave(Label.get("plain"));
    WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "plain");
    job.setDefinition(
        new CpsFlowDefinition(
            """
            node('plain') {
              writeFile file: '.parallel-agents/runs/r1/test.log', text: 'value-of-a-plain-variable'
              withEnv(['PLAIN_NAME=value-of-a-plain-variable']) {
                maskArchivedRun(runId: 'r1')
              }
            }
            """,
            true));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    assertEquals(
        "value-of-a-plain-variable",
        agent.getWorkspaceFor(job).child(".parallel-agents/runs/r1/test.log").readToString());
    j.assertLogNotContains("masked the build's credentials", run);
  }

  /** Binds one variable and names it sensitive, as a credentials binding does. */
  public static final class SensitiveEnvStep extends Step {

    private final String name;
    private final String value;

    @DataBoundConstructor
    public SensitiveEnvStep(String name, String value) {
      this.name = name;
      this.value = value;
    }

    public String getName() {
      return name;
    }

    public String getValue() {
      return value;
    }

    @Override
    public StepExecution start(StepContext context) {
      return new Execution(context, name, value);
    }

    private static final class Execution extends StepExecution {
      private static final long serialVersionUID = 1L;
      private final String name;
      private final String value;

      Execution(StepContext context, String name, String value) {
        super(context);
        this.name = name;
        this.value = value;
      }

      @Override
      public boolean start() throws Exception {
        getContext()
            .newBodyInvoker()
            .withContext(
                EnvironmentExpander.merge(
                    getContext().get(EnvironmentExpander.class), new Sensitive(name, value)))
            .withCallback(BodyExecutionCallback.wrap(getContext()))
            .start();
        return false;
      }
    }

    private static final class Sensitive extends EnvironmentExpander {
      private static final long serialVersionUID = 1L;
      private final String name;
      private final String value;

      Sensitive(String name, String value) {
        this.name = name;
        this.value = value;
      }

      @Override
      public void expand(EnvVars env) {
        env.override(name, value);
      }

      @Override
      public Set<String> getSensitiveVariables() {
        return Set.of(name);
      }
    }

    @TestExtension
    public static final class DescriptorImpl extends StepDescriptor {
      @Override
      public Set<? extends Class<?>> getRequiredContext() {
        return Set.of();
      }

      @Override
      public String getFunctionName() {
        return "sensitiveEnv";
      }

      @Override
      public boolean takesImplicitBlockArgument() {
        return true;
      }
    }
  }

  /** Calls the masking the steps call, for a run's folder or one task's. */
  public static final class MaskArchivedRunStep extends Step {

    private final String runId;
    private String taskId;

    @DataBoundConstructor
    public MaskArchivedRunStep(String runId) {
      this.runId = runId;
    }

    public String getRunId() {
      return runId;
    }

    public String getTaskId() {
      return taskId;
    }

    @org.kohsuke.stapler.DataBoundSetter
    public void setTaskId(String taskId) {
      this.taskId = taskId;
    }

    @Override
    public StepExecution start(StepContext context) {
      return new Execution(context, runId, taskId);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
      private static final long serialVersionUID = 1L;
      private final String runId;
      private final String taskId;

      Execution(StepContext context, String runId, String taskId) {
        super(context);
        this.runId = runId;
        this.taskId = taskId;
      }

      @Override
      protected Void run() throws Exception {
        if (taskId == null) {
          ArchiveMasking.run(getContext(), runId);
        } else {
          ArchiveMasking.task(getContext(), runId, taskId);
        }
        return null;
      }
    }

    @TestExtension
    public static final class DescriptorImpl extends StepDescriptor {
      @Override
      public Set<? extends Class<?>> getRequiredContext() {
        return StepContexts.ON_NODE;
      }

      @Override
      public String getFunctionName() {
        return "maskArchivedRun";
      }
    }
  }
}
