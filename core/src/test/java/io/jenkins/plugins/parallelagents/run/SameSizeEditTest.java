package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agent that rewrites a file with content of the same size, within the second its tree was
 * checked out, changed it: git's stat cache alone cannot tell, and the work must not be reported as
 * no change and lost.
 */
class SameSizeEditTest extends EngineTestBase {

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("config.txt", "port=80\n", "lib/sum.js", "module.exports = (a, b) => a + b;\n");
  }

  @Test
  void aSameSizeRewriteRightAfterTheCheckout_isTheTasksWork() throws Exception {
    Plans plans = new Plans();
    for (int i = 1; i <= 4; i++) {
      plans.task("port" + i, "echo port=8" + i + " > config.txt");
    }
    plans.task("sum", "echo 'module.exports = (a, b) => a - b;' > lib/sum.js");

    RunReport report = engine.run(plans.build(), repo);

    assertThat(report.tasks())
        .allSatisfy(
            task ->
                assertThat(task.status())
                    .as(task.id() + ": " + task.reason())
                    .isEqualTo(TaskStatus.SUCCEEDED));
    assertThat(git.show(repo, report.task("sum").orElseThrow().branch(), "lib/sum.js"))
        .contains("a - b");
    assertThat(git.show(repo, report.task("port3").orElseThrow().branch(), "config.txt"))
        .isEqualTo("port=83");
  }
}
