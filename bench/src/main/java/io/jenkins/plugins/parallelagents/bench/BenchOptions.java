package io.jenkins.plugins.parallelagents.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What to measure and how often.
 *
 * @param cli how to start the engine's command line
 * @param baselineScript {@code bench/baseline.sh}
 * @param files files in the synthetic repository of the overhead and scale measurements
 * @param taskCounts the plan sizes N measured
 * @param repetitions measured A/B pairs per plan size; the median of each side is reported
 * @param largeRepetitions the same for plans of more than 50 tasks, each pair of which takes
 *     minutes: the whole benchmark has to finish in ten
 * @param jobs tasks at once, for the engine and the baseline alike
 * @param schedulingFiles files in the repository of the scheduling measurement
 * @param chains chains of the scheduling plan (each of {@code chainLength} tasks)
 * @param shortestAgentMs the shortest agent of the scheduling plan (and its foundation)
 * @param longestAgentMs the longest agent of the scheduling plan
 * @param planTasks tasks of the plan that is only validated and planned
 * @param out a file the tables are also written to, or {@code null}
 * @param only the measurements to take ({@code overhead}, {@code trees}, {@code planning}, {@code
 *     scheduling})
 * @param tmp the folder the benchmark's temporary folder is made in
 */
record BenchOptions(
    List<String> cli,
    Path baselineScript,
    int files,
    List<Integer> taskCounts,
    int repetitions,
    int largeRepetitions,
    int jobs,
    int schedulingFiles,
    int chains,
    int chainLength,
    long shortestAgentMs,
    long longestAgentMs,
    int planTasks,
    Path out,
    Set<String> only,
    Path tmp) {

  static final Set<String> MEASUREMENTS = Set.of("overhead", "trees", "planning", "scheduling");

  static final String USAGE =
      """
      usage: bench [--files N] [--tasks N,N,...] [--reps N] [--large-reps N] [--jobs N] [--scheduling-files N]
                   [--chains N] [--chain-length N] [--agent-seconds MIN-MAX] [--plan-tasks N] [--out FILE] [--tmp DIR]
                   [--only overhead,trees,planning,scheduling]
                   --baseline bench/baseline.sh --cli COMMAND...
        --cli must come last: every argument after it is the command that starts the CLI,
        e.g. --cli bin/parallel-agents   or   --cli java -jar cli/target/parallel-agents.jar
      """;

  static BenchOptions parse(String[] args) {
    List<String> cli = new ArrayList<>();
    Path baseline = null;
    int files = 10_000;
    List<Integer> tasks = List.of(5, 20, 50, 100);
    int reps = 3;
    int largeReps = 1;
    int jobs = 4;
    int schedulingFiles = 1_000;
    int chains = 6;
    int chainLength = 3;
    long shortestAgentMs = 1_000;
    long longestAgentMs = 6_000;
    int planTasks = 1_000;
    Path out = null;
    Path tmp = Workspace.defaultParent();
    Set<String> only = MEASUREMENTS;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--cli")) {
        cli.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (arg) {
        case "--files" -> files = Integer.parseInt(value);
        case "--tasks" -> tasks = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        case "--reps" -> reps = Integer.parseInt(value);
        case "--large-reps" -> largeReps = Integer.parseInt(value);
        case "--jobs" -> jobs = Integer.parseInt(value);
        case "--scheduling-files" -> schedulingFiles = Integer.parseInt(value);
        case "--chains" -> chains = Integer.parseInt(value);
        case "--chain-length" -> chainLength = Integer.parseInt(value);
        case "--agent-seconds" -> {
          String[] range = value.split("-");
          shortestAgentMs = seconds(range[0]);
          longestAgentMs = seconds(range[range.length - 1]);
        }
        case "--plan-tasks" -> planTasks = Integer.parseInt(value);
        case "--baseline" -> baseline = Path.of(value).toAbsolutePath();
        case "--out" -> out = Path.of(value).toAbsolutePath();
        case "--tmp" -> tmp = Path.of(value).toAbsolutePath();
        case "--only" -> only = Set.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (cli.isEmpty() || baseline == null) {
      throw new IllegalArgumentException("--baseline and --cli are required\n" + USAGE);
    }
    return new BenchOptions(
        cli,
        baseline,
        files,
        tasks,
        reps,
        largeReps,
        jobs,
        schedulingFiles,
        chains,
        chainLength,
        shortestAgentMs,
        longestAgentMs,
        planTasks,
        out,
        only,
        tmp);
  }

  boolean measures(String measurement) {
    return only.contains(measurement);
  }

  /** How many A/B pairs a plan of {@code tasks} tasks is measured with. */
  int repetitionsFor(int tasks) {
    return tasks > 50 ? largeRepetitions : repetitions;
  }

  private static long seconds(String text) {
    return Math.round(Double.parseDouble(text) * 1000);
  }
}
