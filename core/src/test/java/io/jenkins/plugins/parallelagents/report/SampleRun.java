package io.jenkins.plugins.parallelagents.report;

import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run that went wrong in every way a report must show: a foundation task, a best-of-3
 * task, a failed task, a task skipped because of it, a merge conflict and a red test.
 */
final class SampleRun {

  static final Instant START = Instant.parse("2026-03-02T09:15:00Z");
  static final String HOSTILE_TITLE = "Digest | emails <script>alert(1)</script>";

  private SampleRun() {}

  static RunReport report() {
    TaskReport migration =
        new TaskReport(
            "migration",
            "Database migration",
            true,
            List.of(),
            TaskStatus.SUCCEEDED,
            "agents/r1/migration",
            "1111111111111111111111111111111111111111",
            List.of(attempt(1, TaskStatus.SUCCEEDED, 0, 60_000, null, 1)),
            1,
            List.of("db/migrations/001_prefs.sql", "db/schema.sql"),
            40,
            0,
            List.of(),
            START,
            START.plusSeconds(62),
            62_000,
            null);
    TaskReport api =
        new TaskReport(
            "api",
            "Preferences API",
            false,
            List.of("migration"),
            TaskStatus.SUCCEEDED,
            "agents/r1/api",
            "2222222222222222222222222222222222222222",
            List.of(
                attempt(1, TaskStatus.FAILED, 1, 120_000, "verify failed (exit 1)", 63),
                attempt(2, TaskStatus.SUCCEEDED, 0, 150_000, null, 63),
                attempt(3, TaskStatus.SUCCEEDED, 0, 168_000, null, 63)),
            2,
            List.of("src/api/prefs.ts", "test/api/prefs.test.ts", "package.json"),
            120,
            8,
            List.of("package.json"),
            START.plusSeconds(62),
            START.plusSeconds(232),
            170_000,
            null);
    TaskReport emails =
        new TaskReport(
            "emails",
            HOSTILE_TITLE,
            false,
            List.of("migration"),
            TaskStatus.SUCCEEDED,
            "agents/r1/emails",
            "3333333333333333333333333333333333333333",
            List.of(attempt(1, TaskStatus.SUCCEEDED, 0, 88_000, null, 63)),
            1,
            List.of("src/api/routes.ts"),
            12,
            3,
            List.of(),
            START.plusSeconds(62),
            START.plusSeconds(152),
            90_000,
            null);
    TaskReport frontend =
        new TaskReport(
            "frontend",
            "Settings page",
            false,
            List.of("api"),
            TaskStatus.FAILED,
            "agents/r1/frontend",
            null,
            List.of(
                attempt(1, TaskStatus.FAILED, 1, 93_000, "verify failed: npm test | exit 1", 233)),
            null,
            List.of(),
            0,
            0,
            List.of(),
            START.plusSeconds(232),
            START.plusSeconds(327),
            95_000,
            "verify failed: npm test | exit 1");
    TaskReport e2e =
        new TaskReport(
            "e2e",
            "End-to-end tests",
            false,
            List.of("frontend"),
            TaskStatus.SKIPPED,
            null,
            null,
            List.of(),
            null,
            List.of(),
            0,
            0,
            List.of(),
            null,
            null,
            0,
            "needs frontend, which failed");
    RunInfo run =
        new RunInfo(
            "20260302-091500-prefs",
            "notification-prefs",
            RunStatus.FAILED,
            "task 'frontend' failed: verify failed: npm test | exit 1",
            new BaseRef("feature/notification-prefs", "abcdef0123456789abcdef0123456789abcdef01"),
            "agents/notification-prefs",
            START,
            START.plusSeconds(400),
            "/tmp/runs/20260302-091500-prefs");
    MergeReport merge =
        new MergeReport(
            MergeStrategy.MERGE,
            MergeStatus.CONFLICT,
            List.of("api", "emails"),
            null,
            "agents/r1/integration",
            List.of(new MergeConflict("emails", List.of("src/api/routes.ts"), List.of("api"))),
            4_000,
            "conflict merging task 'emails'",
            List.of("api"),
            List.of(
                new SetAside(
                    "emails",
                    SetAsideCause.CONFLICT,
                    List.of("src/api/routes.ts"),
                    List.of("api"),
                    List.of(),
                    "merging 'emails' conflicts in src/api/routes.ts (also changed by api)")),
            List.of(),
            List.of());
    Map<String, Long> phases = new LinkedHashMap<>();
    phases.put("plan", 300L);
    phases.put("foundation", 62_000L);
    phases.put("tasks", 265_000L);
    phases.put("prediction", 2_500L);
    phases.put("merge", 4_000L);
    phases.put("test", 60_000L);
    phases.put("publish", 0L);
    phases.put("report", 200L);
    return new RunReport(
        RunReport.SCHEMA,
        run,
        List.of(migration, api, emails, frontend, e2e),
        List.of(new PredictedConflict("api", "emails", List.of("src/api/routes.ts"))),
        merge,
        new TestReport("npm test", TestStatus.FAILED, 1, 60_000, "3 tests failed"),
        new PublishReport(
            "origin",
            "agents/notification-prefs",
            null,
            PublishStatus.SKIPPED,
            "nothing published: the merge failed"),
        new Timing(400_000, 327_000, phases));
  }

  /** Lines an agent or a test printed to break out of a code block and inject markup. */
  static final List<String> HOSTILE_LINES =
      List.of("not ok 1 - saves", "```", "</pre><script>alert(1)</script>", "~~~ | **bold**");

  /**
   * A run that published some of its tasks: a task set aside for a conflict, one ejected by the
   * test search, a lockfile regenerated, a conflict the resolver settled, a failed task.
   */
  static RunReport partial() {
    RunReport base = report();
    FailureExcerpt testFailure =
        new FailureExcerpt(HOSTILE_LINES, List.of("prefs › saves", "Digest <b>x</b>"));
    List<TaskReport> tasks = new java.util.ArrayList<>(base.tasks());
    TaskReport frontend = tasks.get(3);
    AttemptReport failed =
        frontend
            .attempts()
            .get(0)
            .withFailure(
                new FailureExcerpt(List.of("npm ERR! Test failed", "```"), List.of("renders")));
    tasks.set(
        3,
        new TaskReport(
            frontend.id(),
            frontend.title(),
            frontend.foundation(),
            frontend.needs(),
            frontend.status(),
            frontend.branch(),
            frontend.commit(),
            List.of(failed),
            frontend.chosenAttempt(),
            frontend.changedFiles(),
            frontend.insertions(),
            frontend.deletions(),
            frontend.outsideDeclaredPaths(),
            frontend.startedAt(),
            frontend.finishedAt(),
            frontend.durationMs(),
            frontend.reason()));
    MergeReport merge =
        new MergeReport(
            MergeStrategy.MERGE,
            MergeStatus.PARTIAL,
            List.of("migration", "api", "emails", "settings"),
            "4444444444444444444444444444444444444444",
            "agents/r1/integration",
            List.of(new MergeConflict("emails", List.of("src/api/routes.ts"), List.of("api"))),
            4_000,
            "merging 'emails' conflicts in src/api/routes.ts (also changed by api)",
            List.of("migration", "api"),
            List.of(
                new SetAside(
                    "emails",
                    SetAsideCause.CONFLICT,
                    List.of("src/api/routes.ts"),
                    List.of("api"),
                    List.of(),
                    "merging 'emails' conflicts in src/api/routes.ts (also changed by api)"),
                new SetAside(
                    "settings",
                    SetAsideCause.EJECTED,
                    List.of(),
                    List.of(),
                    List.of("prefs › saves"),
                    "the combined test failed with 'settings' and passed without it")),
            List.of(new Regenerated("api", List.of("package-lock.json"), List.of("npm install"))),
            List.of(
                new Resolution(
                    "api",
                    "db/schema.sql",
                    "--- a/db/schema.sql\n+++ b/db/schema.sql\n@@ -1,3 +1 @@\n-<<<<<<< HEAD\n"
                        + "+</pre><script>alert(2)</script>\n")));
    TestReport test =
        new TestReport(
            "npm test",
            TestStatus.PASSED,
            0,
            90_000,
            null,
            "npm ci",
            testFailure,
            List.of(
                new TestRun(
                    List.of("migration", "api", "settings"),
                    "5555555",
                    TestStatus.FAILED,
                    30_000,
                    List.of("prefs › saves"),
                    "everything merged"),
                new TestRun(
                    List.of("migration", "api"),
                    "4444444",
                    TestStatus.PASSED,
                    30_000,
                    List.of(),
                    "without settings")));
    RunInfo run = base.run();
    return new RunReport(
        RunReport.SCHEMA,
        new RunInfo(
            run.id(),
            run.name(),
            RunStatus.PARTIAL,
            "2 tasks set aside",
            run.base(),
            run.target(),
            run.startedAt(),
            run.finishedAt(),
            run.directory()),
        tasks,
        base.predictedConflicts(),
        merge,
        test,
        new PublishReport(
            "origin",
            "agents/notification-prefs",
            "4444444444444444444444444444444444444444",
            PublishStatus.PUSHED,
            null),
        base.timing());
  }

  /**
   * An attempt that started {@code startSecond} seconds into the run; its time splits into setup (a
   * tenth), the agent (most of it), the commit, verify (a fifth) and the collect.
   */
  private static AttemptReport attempt(
      int n, TaskStatus status, Integer exitCode, long durationMs, String reason, int startSecond) {
    Map<String, StepTime> steps = new LinkedHashMap<>();
    long setup = durationMs / 10;
    long verify = durationMs / 5;
    long commit = 400;
    long collect = 300;
    long agent = durationMs - setup - verify - commit - collect;
    steps.put("setup", new StepTime(0, setup));
    steps.put("agent", new StepTime(setup, agent));
    steps.put("commit", new StepTime(setup + agent, commit));
    steps.put("verify", new StepTime(setup + agent + commit, verify));
    steps.put("collect", new StepTime(setup + agent + commit + verify, collect));
    return new AttemptReport(
        n,
        status,
        exitCode,
        durationMs,
        "agents/r1/task/attempt-" + n,
        status == TaskStatus.SUCCEEDED ? "c0ffee" + n : null,
        status == TaskStatus.SUCCEEDED ? List.of("c0ffee" + n) : List.of(),
        status == TaskStatus.SUCCEEDED ? 100 + n : 0,
        reason,
        START.plusSeconds(startSecond),
        steps);
  }
}
