package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.lifecycle.RestoreException;
import io.jenkins.plugins.parallelagents.lifecycle.SnapshotRestore;
import io.jenkins.plugins.parallelagents.lifecycle.SnapshotRestore.Restored;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restore RUN [--task ID] [--worktree DIR]}: brings back the work clean saved. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Bring back the work saved when a run was cleaned.",
      "",
      "Makes each saved task (or attempt) its branch agents/<run>/<task> again; a branch of that"
          + " name that points elsewhere is left alone and the restore refused. With --worktree,"
          + " also checks the task's branch out in a new worktree of your repository, with the"
          + " changes its task repository had not committed uncommitted again.",
      ""
    })
final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN", description = "The cleaned run's id.")
  String runId;

  @Option(
      names = "--task",
      paramLabel = "ID",
      description = "Only this task (with its attempts), or one attempt: <task>.attempt-<n>.")
  String task;

  @Option(
      names = "--worktree",
      paramLabel = "DIR",
      description = "Check the task's branch out in a new worktree at DIR (needs --task).")
  Path worktree;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Any folder inside the git checkout. Default: the current directory.")
  Path repository;

  @Override
  public Integer call() throws CliFailure {
    if (worktree != null && task == null) {
      throw new ParameterException(spec.commandLine(), "--worktree needs --task");
    }
    try (EngineGit engine = EngineGit.open(parent.host(), repository, null)) {
      Path folder =
          worktree == null
              ? null
              : parent.host().workingDirectory().resolve(worktree).toAbsolutePath().normalize();
      List<Restored> restored;
      try {
        restored = new SnapshotRestore(engine.git(), engine.top()).restore(runId, task, folder);
      } catch (RestoreException e) {
        throw new CliFailure(
            e.kind() == RestoreException.Kind.REQUEST ? ExitCodes.USAGE : ExitCodes.ENVIRONMENT,
            e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      for (Restored branch : restored) {
        out.println(
            (branch.created() ? "restored branch " : "branch already there: ")
                + branch.branch()
                + " at "
                + branch.commit().substring(0, 12));
        if (branch.worktree() != null) {
          out.println(
              "  checked out in "
                  + branch.worktree()
                  + (branch.uncommitted() ? ", with its uncommitted changes" : ""));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
