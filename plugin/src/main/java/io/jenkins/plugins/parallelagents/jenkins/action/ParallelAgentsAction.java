package io.jenkins.plugins.parallelagents.jenkins.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.model.Api;
import hudson.model.Run;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.RunStart;
import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.report.GraphSvg;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.UsageText;
import io.jenkins.plugins.parallelagents.usage.Spend;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A build's agent run: the plan it read, the tasks as they finish, and the full report once merged.
 * Shown as a summary on the build page and a "Parallel Agents" page; exported in {@code api/json}.
 *
 * <p>Persists plain strings only (the plan as read, each finished task's report as JSON); the run's
 * report lives beside {@code build.xml} in {@code parallel-agents/report.json}.
 */
@ExportedBean
public final class ParallelAgentsAction implements RunAction2 {

  private static final Logger LOGGER = Logger.getLogger(ParallelAgentsAction.class.getName());

  private final String runId;
  private final String planFile;
  private final String planText;
  private final String baseRef;
  private final String baseCommit;
  private final String target;
  private final long startedAtMs;
  private final String changeId;
  /**
   * Each finished task's report as JSON, by id. Replaced, never changed in place: a save of the
   * build may read it while another task finishes.
   */
  private volatile LinkedHashMap<String, String> finishedTasks = new LinkedHashMap<>();
  /** The workspaces that ran a task or the merge; replaced, never changed in place. */
  private volatile LinkedHashSet<NodeWorkspace> usedWorkspaces = new LinkedHashSet<>();

  private transient Run<?, ?> run;
  private transient volatile RunReport report;

  /**
   * Built once per action rather than per call: the page's getters run many times per view. Not
   * saved; built again after the build is loaded (see {@link #json()}).
   */
  private transient volatile ObjectMapper json;

  /** The plan parsed from {@link #planText}, which never changes; parsed again after a load. */
  private transient volatile Plan plan;

  /** The tasks parsed from one state of {@link #finishedTasks}, dropped when that is replaced. */
  private transient volatile ParsedTasks parsedTasks;

  /** Whether the build's artifacts hold the HTML report; known for good once found. */
  private transient volatile boolean reportArchived;

  private record ParsedTasks(Map<String, String> source, Map<String, TaskReport> tasks) {}

  public ParallelAgentsAction(String planFile, String planText, RunStart start) {
    this.runId = start.runId();
    this.planFile = planFile;
    this.planText = planText;
    this.baseRef = start.baseRef();
    this.baseCommit = start.baseCommit();
    this.target = start.target();
    this.startedAtMs = start.startedAtMs();
    this.changeId = start.changeId();
  }

  /** The action of a build whose plan was read, or a message saying to read it first. */
  public static ParallelAgentsAction of(Run<?, ?> run) throws AbortException {
    ParallelAgentsAction action = run.getAction(ParallelAgentsAction.class);
    if (action == null) {
      throw new AbortException(
          "this build has read no agent plan: call readAgentPlan (or use parallelAgents) first");
    }
    return action;
  }

  @Override
  public void onAttached(Run<?, ?> run) {
    this.run = run;
  }

  @Override
  public void onLoad(Run<?, ?> run) {
    this.run = run;
  }

  public Run<?, ?> getRun() {
    return run;
  }

  /** {@code parallel-agents/api/json}. */
  public Api getApi() {
    return new Api(this);
  }

  @Override
  public String getIconFileName() {
    return "symbol-analytics";
  }

  @Override
  public String getDisplayName() {
    return "Parallel Agents";
  }

  @Override
  public String getUrlName() {
    return "parallel-agents";
  }

  public RunStart start() {
    return new RunStart(runId, baseRef, baseCommit, target, startedAtMs, changeId);
  }

  public String planFile() {
    return planFile;
  }

  public String planText() {
    return planText;
  }

  public Plan plan() throws AbortException {
    Plan known = plan;
    if (known == null) {
      try {
        known = new PlanParser().parse(planText, planFile);
      } catch (InvalidPlanException e) {
        throw new AbortException("the plan read by this build is not valid any more: " + e);
      }
      plan = known;
    }
    return known;
  }

  /** The engine's JSON mapper, built on first use (thread-safe once configured). */
  private ObjectMapper json() {
    ObjectMapper known = json;
    if (known == null) {
      known = ReportJson.newMapper();
      json = known;
    }
    return known;
  }

  /**
   * Records a task's result as it finishes, so that the page shows progress before the merge. A
   * failure to save the build is logged: the task's hand-off, not this record, carries its result.
   */
  public void taskFinished(TaskReport task) throws IOException {
    String written = json().writeValueAsString(task);
    synchronized (this) {
      LinkedHashMap<String, String> next = new LinkedHashMap<>(finishedTasks);
      next.put(task.id(), written);
      finishedTasks = next;
    }
    try {
      run.save();
    } catch (IOException e) {
      LOGGER.log(Level.WARNING, "cannot save " + run + " after task " + task.id(), e);
    }
  }

  /** Notes a workspace the run works in: the plan's retention is applied there at the end. */
  public void usedWorkspace(NodeWorkspace workspace) {
    synchronized (this) {
      // null in a build saved before workspaces were noted
      LinkedHashSet<NodeWorkspace> known =
          usedWorkspaces == null ? new LinkedHashSet<>() : usedWorkspaces;
      if (!known.contains(workspace)) {
        LinkedHashSet<NodeWorkspace> next = new LinkedHashSet<>(known);
        next.add(workspace);
        usedWorkspaces = next;
      }
    }
  }

  /** The workspaces the run worked in, in the order it first used them. */
  public List<NodeWorkspace> usedWorkspaces() {
    LinkedHashSet<NodeWorkspace> known = usedWorkspaces;
    return known == null ? List.of() : List.copyOf(known);
  }

  /** Keeps the run's report (written on the merge node) with the build. */
  public void reportWritten(String json) throws IOException {
    File file = reportFile();
    Files.createDirectories(file.getParentFile().toPath());
    Files.writeString(file.toPath(), json, StandardCharsets.UTF_8);
    report = new ReportJson().fromJson(json);
  }

  private File reportFile() {
    return new File(new File(run.getRootDir(), "parallel-agents"), "report.json");
  }

  /** The full report once the merge node wrote it, or {@code null} before that. */
  public RunReport report() {
    RunReport known = report;
    if (known == null && run != null && reportFile().isFile()) {
      try {
        known = new ReportJson().read(reportFile().toPath());
        report = known;
      } catch (IOException e) {
        LOGGER.log(Level.WARNING, "cannot read " + reportFile(), e);
      }
    }
    return known;
  }

  /** Tasks from the report, or else from the plan with those finished so far. */
  List<TaskReport> tasks() {
    RunReport full = report();
    if (full != null) {
      return full.tasks();
    }
    List<TaskReport> tasks = new ArrayList<>();
    try {
      Map<String, TaskReport> finished = finishedTasks();
      for (var task : plan().tasks()) {
        TaskReport done = finished.get(task.id());
        tasks.add(
            done != null
                ? done
                : TaskReport.pending(task.id(), task.title(), task.foundation(), task.needs()));
      }
    } catch (IOException e) {
      LOGGER.log(Level.WARNING, "cannot show the tasks of run " + runId, e);
    }
    return tasks;
  }

  /** The finished tasks' reports, parsed once for each state of {@link #finishedTasks}. */
  private Map<String, TaskReport> finishedTasks() throws IOException {
    Map<String, String> source = finishedTasks;
    ParsedTasks known = parsedTasks;
    if (known == null || known.source() != source) {
      Map<String, TaskReport> tasks = new LinkedHashMap<>();
      for (Map.Entry<String, String> entry : source.entrySet()) {
        tasks.put(entry.getKey(), json().readValue(entry.getValue(), TaskReport.class));
      }
      known = new ParsedTasks(source, Map.copyOf(tasks));
      parsedTasks = known;
    }
    return known.tasks();
  }

  @Exported(visibility = 2)
  public String getRunId() {
    return runId;
  }

  @Exported(visibility = 2)
  public String getTarget() {
    return target;
  }

  @Exported(visibility = 2)
  public String getBaseCommit() {
    return baseCommit;
  }

  /**
   * {@code RUNNING} until the report is final, then {@code SUCCEEDED} or {@code FAILED}; {@code
   * UNFINISHED} when the build ended before the run did (aborted, or never published).
   */
  @Exported(visibility = 2)
  public String getStatus() {
    RunReport full = report();
    String status = full == null ? "RUNNING" : full.run().status().name();
    if (status.equals("RUNNING") && run != null && !run.isBuilding()) {
      return "UNFINISHED";
    }
    return status;
  }

  @Exported(visibility = 2)
  public String getReason() {
    RunReport full = report();
    return full == null ? null : full.run().reason();
  }

  @Exported(visibility = 2)
  public List<TaskRow> getTasks() {
    return tasks().stream().map(TaskRow::new).toList();
  }

  /** Merge, test and publish, in order; empty until the merge node reported. */
  @Exported(visibility = 2)
  public List<PhaseRow> getPhases() {
    RunReport full = report();
    return full == null ? List.of() : PhaseRow.of(full);
  }

  /** The task graph as inline SVG, coloured by each task's status. */
  public String getGraphSvg() {
    return new GraphSvg().render(tasks());
  }

  /** A line for the build page. */
  public String getSummary() {
    List<TaskReport> tasks = tasks();
    long done = tasks.stream().filter(t -> t.status().isDone()).count();
    RunReport full = report();
    String progress = done + " of " + tasks.size() + " tasks done";
    if (full == null) {
      return progress;
    }
    return progress
        + "; merge "
        + full.merge().status()
        + ", test "
        + full.test().status()
        + ", publish "
        + full.publish().status()
        + (full.publish().branch() == null ? "" : " (" + full.publish().branch() + ")");
  }

  /** What every task's agents spent, for the build page; {@code null} when none reported it. */
  @Exported(visibility = 2)
  public String getUsage() {
    return UsageText.of(Spend.sum(tasks().stream().map(TaskReport::usage).toList()));
  }

  /**
   * Where the archived HTML report is, relative to this page, or {@code null} when the build's
   * artifacts do not hold it (not archived yet, or the build stopped before the merge).
   */
  public String getArchivedReport() {
    String path = NodeRun.runPath(runId) + "/" + RunDirectory.REPORT_HTML;
    if (!reportArchived && run != null) {
      try {
        reportArchived = run.getArtifactManager().root().child(path).isFile();
      } catch (IOException e) {
        LOGGER.log(Level.FINE, "cannot look for " + path + " in the artifacts of " + run, e);
      }
    }
    return reportArchived ? "../artifact/" + path : null;
  }
}
