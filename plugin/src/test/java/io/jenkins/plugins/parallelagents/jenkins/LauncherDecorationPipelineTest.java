package io.jenkins.plugins.parallelagents.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Label;
import hudson.model.Node;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The plan's commands run where a {@code sh} step of the same block would: a block step that
 * decorates the Launcher, as {@code container} and {@code docker.image(..).inside} do, decorates
 * the task's setup, agent and verify and the merge's test, while git stays on the node.
 */
@WithJenkins
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LauncherDecorationPipelineTest {

  @RegisterExtension static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  /** Every command line the decorated launchers started, before their decoration. */
  static final Queue<String> LAUNCHED = new ConcurrentLinkedQueue<>();

  @TempDir Path temp;

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
    LAUNCHED.clear();
  }

  @Test
  void setupAgentVerifyAndTestRunThroughTheDecoratedLauncher() throws Exception {
    SampleRepository repo = SampleRepository.create(temp, SamplePlans.DECORATED);
    j.createOnlineSlave(Label.get("agents"), repo.nodeEnvironment());
    WorkflowJob job = j.createProject(WorkflowJob.class, "decorated");
    job.setDefinition(
        new CpsFlowDefinition(
            """
            decorated {
              parallelAgents(plan: 'agents-plan.yaml', label: 'agents', checkout: %s)
            }
            """
                .formatted(repo.checkoutClosure()),
            true));

    WorkflowRun run = j.buildAndAssertSuccess(job);

    // verify and the test fail without the variable: the build passing says they had it.
    assertEquals("yes", repo.show("agents/decorated", "agent.txt"), "the agent's");
    assertEquals("yes", repo.show("agents/decorated", "setup.txt"), "the setup's");
    j.assertLogContains("test saw DECORATED=yes", run);
    j.assertLogContains("kept $PATH as written", run);
    assertEquals("SUCCEEDED", run.getAction(ParallelAgentsAction.class).getStatus());
    assertThat(List.copyOf(LAUNCHED), hasItem(containsString("agent.txt")));
    assertThat(
        "git runs on the node, not through the Launcher",
        LAUNCHED.stream().filter(line -> line.startsWith("git ")).toList(),
        empty());
  }

  /** {@code decorated { ... }}: every launch in the block runs behind {@code env DECORATED=yes}. */
  public static final class DecoratedStep extends Step {

    @DataBoundConstructor
    public DecoratedStep() {}

    @Override
    public StepExecution start(StepContext context) {
      return new Execution(context);
    }

    private static final class Execution extends StepExecution {

      private static final long serialVersionUID = 1L;

      Execution(StepContext context) {
        super(context);
      }

      @Override
      public boolean start() throws Exception {
        getContext()
            .newBodyInvoker()
            .withContext(
                BodyInvoker.mergeLauncherDecorators(
                    getContext().get(LauncherDecorator.class), new Decorator()))
            .withCallback(BodyExecutionCallback.wrap(getContext()))
            .start();
        return false;
      }
    }

    private static final class Decorator extends LauncherDecorator implements Serializable {

      private static final long serialVersionUID = 1L;

      @NonNull
      @Override
      public Launcher decorate(@NonNull Launcher launcher, @NonNull Node node) {
        return new Launcher.DecoratedLauncher(launcher.decorateByPrefix("env", "DECORATED=yes")) {
          @Override
          public Proc launch(@NonNull ProcStarter starter) throws IOException {
            LAUNCHED.add(String.join(" ", starter.cmds()));
            return super.launch(starter);
          }
        };
      }
    }

    @TestExtension
    public static final class DescriptorImpl extends StepDescriptor {

      @Override
      public Set<? extends Class<?>> getRequiredContext() {
        return Collections.emptySet();
      }

      @Override
      public String getFunctionName() {
        return "decorated";
      }

      @NonNull
      @Override
      public String getDisplayName() {
        return "Decorate every launch in the block";
      }

      @Override
      public boolean takesImplicitBlockArgument() {
        return true;
      }
    }
  }
}
