package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.agent.AttemptRunner;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TamperedTreeException;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.merge.ConflictResolver;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.sandbox.Sandbox;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs the plan's {@code merge.resolver} agent on a conflicted integration worktree. */
public final class ResolverAgent implements ConflictResolver {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final Plan plan;
  private final String runId;
  private final RunDirectory directory;
  private final String integrationBranch;
  private final Git git;
  private final CommandRunner runner;
  private final Map<String, String> environment;
  private final Consumer<String> lines;
  private final TaskRepositories trees;
  private final Redactor redactor;

  /**
   * @param environment variables added to the resolver's environment
   * @param lines receives the resolver's output, line by line
   */
  public ResolverAgent(
      Plan plan,
      String runId,
      RunDirectory directory,
      String integrationBranch,
      Git git,
      CommandRunner runner,
      Map<String, String> environment,
      Consumer<String> lines,
      TaskRepositories trees,
      Redactor redactor) {
    this.trees = trees;
    this.redactor = redactor;
    this.plan = plan;
    this.runId = runId;
    this.directory = directory;
    this.integrationBranch = integrationBranch;
    this.git = git;
    this.runner = runner;
    this.environment = environment;
    this.lines = lines;
  }

  @Override
  public String resolve(TaskBranch task, List<String> files, Path worktree) {
    AgentProfile agent = plan.agents().get(plan.merge().resolver());
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
            + (plan.interfaces().isBlank()
                ? ""
                : "\n## Shared interfaces\n\n" + plan.interfaces().strip() + "\n");
    Path promptFile =
        directory.root().resolve("merge").resolve("resolver-" + task.taskId() + ".md");
    try {
      Files.createDirectories(promptFile.getParent());
      PrivateFiles.write(promptFile, redactor.redact(prompt));
    } catch (IOException e) {
      return "cannot write its prompt: " + e.getMessage();
    }
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("AGENT_TASK_ID", task.taskId());
    env.put("AGENT_TASK_TITLE", task.title());
    String promptVariable = AttemptRunner.fitForEnvironment(prompt, promptFile);
    env.put("AGENT_PROMPT", promptVariable);
    env.put("AGENT_PROMPT_FILE", promptFile.toString());
    String before = git.head(worktree);
    env.put("AGENT_BASE_COMMIT", before);
    env.put("AGENT_ATTEMPT", "1");
    env.put("AGENT_WORKTREE", worktree.toString());
    env.put("AGENT_BRANCH", integrationBranch);
    env.put("AGENT_RUN_ID", runId);
    env.put("AGENT_RUN_DIR", directory.root().toString());
    env.put("AGENT_CONFLICTED_FILES", String.join("\n", files));
    Map<String, String> placeholders =
        Map.of(
            "prompt",
            promptVariable,
            "task",
            task.taskId(),
            "worktree",
            worktree.toString(),
            "prompt_file",
            promptFile.toString());
    List<String> argv = AgentCommands.argv(agent.command(), placeholders);
    if (agent.sandbox()) {
      argv = Sandbox.wrap(argv, worktree, List.of(promptFile, trees.borrowedObjects()));
    }
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                worktree, argv, env, TIMEOUT, directory.phaseLog("merge"), lines));
    // Checked like a task's agent, whatever its exit: the engine's config is put back before git
    // runs there again, and a tree it broke is not used at all.
    Optional<String> misdeed = trees.check(worktree, integrationBranch, before);
    if (misdeed.isPresent()) {
      throw new TamperedTreeException(misdeed.get().replaceFirst("^the agent", "the resolver"));
    }
    return result.ok() ? null : result.describeFailure("resolver '" + agent.name() + "'");
  }
}
