package io.jenkins.plugins.parallelagents.git;

/** One file a diff touches; binary files count zero lines. */
public record FileChange(String path, int insertions, int deletions) {}
