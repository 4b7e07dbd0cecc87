package io.jenkins.plugins.parallelagents.report;

/** The ref a run started from, as named and as resolved. */
public record BaseRef(String ref, String commit) {}
