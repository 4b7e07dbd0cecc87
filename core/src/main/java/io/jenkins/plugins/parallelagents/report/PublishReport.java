package io.jenkins.plugins.parallelagents.report;

/** The publish phase: where the combined branch went. */
public record PublishReport(
    String remote, String branch, String commit, PublishStatus status, String reason) {}
