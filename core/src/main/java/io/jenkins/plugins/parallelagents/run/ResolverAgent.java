package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.merge.ConflictResolver;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the plan's {@code merge.resolver} agent on a conflicted integration worktree. */
final class ResolverAgent implements ConflictResolver {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final RunContext run;

  ResolverAgent(RunContext run) {
    this.run = run;
  }

  @Override
  public String resolve(TaskBranch task, List<String> files, Path worktree) {
    AgentProfile agent = run.plan().agents().get(run.plan().merge().resolver());
    if (agent == null) {
      return "no resolver agent is configured";
    }
    String prompt =
        "Merging task '"
            + task.taskId()
            + "' ("
            + task.title()
            + ") into the combined branch stopped on conflicts in: "
            + String.join(", ", files)
            + ".\nResolve every conflict so that both sides' intent is kept, remove the conflict"
            + " markers, and leave the files in place (do not commit).\n"
            + (run.plan().interfaces().isBlank()
                ? ""
                : "\n## Shared interfaces\n\n" + run.plan().interfaces().strip() + "\n");
    Path promptFile =
        run.directory().root().resolve("merge").resolve("resolver-" + task.taskId() + ".md");
    try {
      Files.createDirectories(promptFile.getParent());
      Files.writeString(promptFile, prompt, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "cannot write its prompt: " + e.getMessage();
    }
    Map<String, String> env = new LinkedHashMap<>(run.commandEnvironment());
    env.put("AGENT_TASK_ID", task.taskId());
    env.put("AGENT_TASK_TITLE", task.title());
    env.put("AGENT_PROMPT", prompt);
    env.put("AGENT_PROMPT_FILE", promptFile.toString());
    env.put("AGENT_BASE_COMMIT", run.git().head(worktree));
    env.put("AGENT_ATTEMPT", "1");
    env.put("AGENT_WORKTREE", worktree.toString());
    env.put("AGENT_BRANCH", run.branches().integration());
    env.put("AGENT_RUN_ID", run.runId());
    env.put("AGENT_RUN_DIR", run.directory().root().toString());
    env.put("AGENT_CONFLICTED_FILES", String.join("\n", files));
    Map<String, String> placeholders =
        Map.of(
            "prompt",
            prompt,
            "task",
            task.taskId(),
            "worktree",
            worktree.toString(),
            "prompt_file",
            promptFile.toString());
    CommandResult result =
        run.runner()
            .run(
                CommandRequest.logged(
                    worktree,
                    AgentCommands.argv(agent.command(), placeholders),
                    env,
                    TIMEOUT,
                    run.directory().phaseLog("merge"),
                    line -> run.listener().output("merge", "resolver", line)));
    return result.ok() ? null : result.describeFailure("resolver '" + agent.name() + "'");
  }
}
