package io.jenkins.plugins.parallelagents.plan;

/** A value read from the plan file together with where it was written, for later messages. */
record Located<T>(T value, Position position) {}
