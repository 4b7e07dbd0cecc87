package io.jenkins.plugins.parallelagents.report;

/** The test phase: the plan's test command on the combined tree. */
public record TestReport(
    String command, TestStatus status, Integer exitCode, long durationMs, String reason) {}
