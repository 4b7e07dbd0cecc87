package io.jenkins.plugins.parallelagents.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStepLauncherTest {

  @Test
  void aVariableOfTheNodesJvmTheEngineTookOut_isGivenEmpty_soThatTheLauncherDropsIt() {
    Map<String, String> step = Map.of("PATH", "/usr/bin", "AGENT_TASK_ID", "api");
    Map<String, String> jvm = Map.of("PATH", "/bin", "GIT_DIR", "/elsewhere/.git");

    assertEquals(
        Map.of("PATH", "/usr/bin", "AGENT_TASK_ID", "api", "GIT_DIR", ""),
        NodeStepLauncher.exactly(step, jvm));
  }
}
