package io.jenkins.plugins.parallelagents.report;

/**
 * What the resolver agent did to one conflicted file while merging {@code task}.
 *
 * @param diff the file's change from the conflicted merge (markers included) to what the resolver
 *     left, as a unified diff, cut to a bounded size
 */
public record Resolution(String task, String file, String diff) {}
