package io.jenkins.plugins.parallelagents.lifecycle;

/**
 * One piece of a removed run's work kept in the user's repository.
 *
 * @param ref the snapshot ref that keeps it (see {@link SnapshotRefs})
 * @param commit its commit, or {@code null} in a dry run for a tree not read yet
 * @param what what it is, for a person: {@code unpublished branch agents/r/api}, {@code uncommitted
 *     changes of api}
 */
public record SavedWork(String ref, String commit, String what) {}
