package io.jenkins.plugins.parallelagents.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Each step keeps its settings through its configuration form (as the Snippet Generator uses it).
 */
@WithJenkins
class StepsConfigRoundTripTest {

  private JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    this.j = rule;
  }

  @Test
  void agentTaskKeepsItsTask() throws Exception {
    AgentTaskStep after = new StepConfigTester(j).configRoundTrip(new AgentTaskStep("api"));

    assertEquals("api", after.getTask());
  }

  @Test
  void planAgentTaskKeepsItsTask() throws Exception {
    PlanAgentTaskStep after = new StepConfigTester(j).configRoundTrip(new PlanAgentTaskStep("api"));

    assertEquals("api", after.getTask());
  }

  @Test
  void readAgentPlanKeepsItsFile() throws Exception {
    ReadAgentPlanStep before = new ReadAgentPlanStep();
    before.setFile("plans/feature.yaml");

    ReadAgentPlanStep after = new StepConfigTester(j).configRoundTrip(before);

    assertEquals("plans/feature.yaml", after.getFile());
  }

  @Test
  void readAgentPlanKeepsItsNodeAndTrustSettings() throws Exception {
    ReadAgentPlanStep before = new ReadAgentPlanStep();
    before.setLabel("agents");
    before.setAllowBuiltIn(true);
    before.setTrustPlanChanges(true);

    ReadAgentPlanStep after = new StepConfigTester(j).configRoundTrip(before);

    assertEquals("agents", after.getLabel());
    assertEquals(true, after.isAllowBuiltIn());
    assertEquals(true, after.isTrustPlanChanges());
  }

  @Test
  void readAgentPlanReadsAgentsPlanYamlByDefault() throws Exception {
    ReadAgentPlanStep after = new StepConfigTester(j).configRoundTrip(new ReadAgentPlanStep());

    assertEquals("agents-plan.yaml", after.getFile());
  }

  @Test
  void mergeAgentBranchesHasNothingToConfigure() throws Exception {
    MergeAgentBranchesStep after =
        new StepConfigTester(j).configRoundTrip(new MergeAgentBranchesStep());

    assertEquals(MergeAgentBranchesStep.class, after.getClass());
  }

  @Test
  void publishAgentBranchKeepsItsCredentials() throws Exception {
    // A credential the form can offer: the id is one of the choices of its drop-down list.
    SystemCredentialsProvider.getInstance()
        .getCredentials()
        .add(
            new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL,
                "push-credentials",
                "Pushes the combined branch",
                "agents-bot",
                "a-password-long-enough-for-fips"));
    SystemCredentialsProvider.getInstance().save();
    PublishAgentBranchStep before = new PublishAgentBranchStep();
    before.setCredentialsId("push-credentials");

    PublishAgentBranchStep after = new StepConfigTester(j).configRoundTrip(before);

    assertEquals("push-credentials", after.getCredentialsId());
  }

  @Test
  void publishAgentBranchWithoutCredentialsStaysWithout() throws Exception {
    PublishAgentBranchStep after =
        new StepConfigTester(j).configRoundTrip(new PublishAgentBranchStep());

    assertNull(after.getCredentialsId());
  }
}
