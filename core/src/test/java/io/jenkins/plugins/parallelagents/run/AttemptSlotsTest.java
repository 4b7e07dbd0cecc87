package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every attempt is an agent, and {@code --jobs} (or {@code maxParallel}) bounds the agents running
 * at once: attempts take the run's slots like tasks do.
 */
class AttemptSlotsTest extends EngineTestBase {

  private Path running;
  private Path seen;

  @BeforeEach
  void folders() throws Exception {
    running = Files.createDirectories(temp.resolve("running"));
    seen = temp.resolve("seen");
  }

  /**
   * An agent that marks itself running, writes down how many agents are running as it starts, and
   * stays a second so that agents allowed to run together do meet.
   */
  private String agent() {
    return "touch '"
        + running
        + "/'$$; ls '"
        + running
        + "' | wc -l >> '"
        + seen
        + "'; sleep 1; rm '"
        + running
        + "/'$$; echo $$ > attempt.txt";
  }

  private static Task withAttempts(String id, int attempts, boolean foundation) {
    Task t = Plans.task(id, foundation);
    return new Task(
        t.id(),
        t.title(),
        t.foundation(),
        t.needs(),
        t.prompt(),
        t.paths(),
        t.agent(),
        t.timeout(),
        attempts,
        t.setup(),
        t.verify(),
        t.label());
  }

  private RunReport run(Plans plans, int jobs) throws Exception {
    return new RunEngine(plans.build(), engine.options(repo).withJobs(jobs), RunListener.NONE)
        .execute();
  }

  private List<Integer> agentsRunningAtEachStart() throws Exception {
    return Files.readAllLines(seen).stream().map(String::strip).map(Integer::valueOf).toList();
  }

  @Test
  void fiveAttempts_withOneJob_runOneAtATime() throws Exception {
    run(new Plans().add(withAttempts("api", 5, false), agent()), 1);

    assertThat(agentsRunningAtEachStart()).hasSize(5).containsOnly(1);
  }

  @Test
  void foundationAttempts_withOneJob_runOneAtATime() throws Exception {
    run(new Plans().add(withAttempts("schema", 3, true), agent()), 1);

    assertThat(agentsRunningAtEachStart()).hasSize(3).containsOnly(1);
  }

  @Test
  void tasksWithAttempts_shareTheJobs() throws Exception {
    RunReport report =
        run(
            new Plans()
                .add(withAttempts("a", 2, false), agent())
                .add(withAttempts("b", 2, false), agent())
                .add(withAttempts("c", 1, false), agent()),
            2);

    assertThat(agentsRunningAtEachStart()).hasSize(5).allMatch(n -> n <= 2);
    assertThat(report.tasks()).allMatch(t -> t.status().isDone());
  }
}
