package io.jenkins.plugins.parallelagents.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The merge and test sections of {@code report.md}, and the failed steps' output: what was combined
 * and what was set aside (a partial merge reads as partial), what the resolver changed, each run of
 * the test, the failing tests and the last lines the failed steps printed.
 */
final class MarkdownTrain {

  private MarkdownTrain() {}

  static void merge(StringBuilder md, MergeReport merge) {
    md.append("## Merge\n\n");
    if (merge == null) {
      md.append("Not run.\n\n");
      return;
    }
    md.append("- Strategy: ").append(merge.strategy()).append('\n');
    md.append("- Status: **").append(merge.status()).append("**");
    if (merge.status() == MergeStatus.PARTIAL) {
      md.append(" — only ")
          .append(merge.merged().size())
          .append(" of ")
          .append(merge.merged().size() + merge.setAside().size())
          .append(" tasks combined");
    }
    md.append('\n');
    md.append("- Order: ").append(codes(merge.order(), " → ")).append('\n');
    if (!merge.merged().isEmpty()) {
      md.append("- Combined: ").append(codes(merge.merged(), ", ")).append('\n');
    }
    if (merge.commit() != null) {
      md.append("- Commit: ").append(Escape.markdownCode(merge.commit())).append('\n');
    }
    if (merge.reason() != null) {
      md.append("- Reason: ").append(Escape.markdown(merge.reason())).append('\n');
    }
    setAside(md, merge.setAside());
    if (!merge.conflicts().isEmpty()) {
      md.append("\n| Conflict in task | Files | Also changed by |\n|---|---|---|\n");
      for (MergeConflict c : merge.conflicts()) {
        row(md, Escape.markdownCode(c.task()), codes(c.files(), ", "), codes(c.with(), ", "));
      }
    }
    if (!merge.regenerated().isEmpty()) {
      md.append("\n| Regenerated for task | Files | Commands |\n|---|---|---|\n");
      for (Regenerated r : merge.regenerated()) {
        row(md, Escape.markdownCode(r.task()), codes(r.files(), ", "), codes(r.commands(), "; "));
      }
    }
    md.append('\n');
    for (Resolution r : merge.resolutions()) {
      md.append("Resolver's change to ")
          .append(Escape.markdownCode(r.file()))
          .append(" while merging ")
          .append(Escape.markdownCode(r.task()))
          .append(":\n\n")
          .append(Escape.markdownBlock(r.diff() == null ? List.of() : r.diff().lines().toList()))
          .append('\n');
    }
  }

  private static void setAside(StringBuilder md, List<SetAside> aside) {
    if (aside.isEmpty()) {
      return;
    }
    md.append("\n| Set aside | Cause | With | Files | Why |\n|---|---|---|---|---|\n");
    for (SetAside s : aside) {
      row(
          md,
          Escape.markdownCode(s.task()),
          s.cause().name(),
          codes(s.with(), ", "),
          codes(s.files(), ", "),
          Escape.markdown(s.reason()));
    }
  }

  static void test(StringBuilder md, TestReport test) {
    md.append("## Test\n\n");
    if (test == null) {
      md.append("Not run.\n\n");
      return;
    }
    if (test.setup() != null) {
      md.append("- Setup: ").append(Escape.markdownCode(test.setup())).append('\n');
    }
    if (test.command() != null) {
      md.append("- Command: ").append(Escape.markdownCode(test.command())).append('\n');
    }
    md.append("- Status: **").append(test.status()).append("**");
    if (test.exitCode() != null) {
      md.append(" (exit code ").append(test.exitCode()).append(')');
    }
    md.append('\n');
    md.append("- Duration: ").append(Durations.format(test.durationMs())).append('\n');
    if (test.reason() != null) {
      md.append("- Reason: ").append(Escape.markdown(test.reason())).append('\n');
    }
    md.append('\n');
    if (!test.runs().isEmpty()) {
      md.append("| Run | Tasks | Status | Why | Failing tests |\n|---:|---|---|---|---|\n");
      int n = 1;
      for (TestRun run : test.runs()) {
        row(
            md,
            Integer.toString(n++),
            codes(run.tasks(), ", "),
            run.status().name(),
            Escape.markdown(run.purpose()),
            codes(run.failingTests(), ", "));
      }
      md.append('\n');
    }
    excerpt(md, test.failure());
  }

  /** A failed step's failing tests, then its last lines in a block no line can break out of. */
  static void excerpt(StringBuilder md, FailureExcerpt failure) {
    if (failure == null) {
      return;
    }
    if (!failure.failingTests().isEmpty()) {
      md.append("Failing tests:\n\n");
      failure
          .failingTests()
          .forEach(t -> md.append("- ").append(Escape.markdownCode(t)).append('\n'));
      md.append('\n');
    }
    if (!failure.lastLines().isEmpty()) {
      md.append("Last lines:\n\n").append(Escape.markdownBlock(failure.lastLines())).append('\n');
    }
  }

  /** Each failed attempt's excerpt, under its task. */
  static void failedAttempts(StringBuilder md, List<TaskReport> tasks) {
    boolean any =
        tasks.stream().flatMap(t -> t.attempts().stream()).anyMatch(a -> a.failure() != null);
    if (!any) {
      return;
    }
    md.append("## Failed steps\n\n");
    for (TaskReport task : tasks) {
      for (AttemptReport attempt : task.attempts()) {
        if (attempt.failure() == null) {
          continue;
        }
        md.append("### ").append(Escape.markdownCode(task.id()));
        if (task.attempts().size() > 1) {
          md.append(", attempt ").append(attempt.n());
        }
        md.append("\n\n");
        if (attempt.reason() != null) {
          md.append(Escape.markdown(attempt.reason())).append("\n\n");
        }
        excerpt(md, attempt.failure());
      }
    }
  }

  private static String codes(List<String> values, String separator) {
    return values.stream().map(Escape::markdownCode).collect(Collectors.joining(separator));
  }

  /** One table row; every cell is already escaped. */
  private static void row(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
