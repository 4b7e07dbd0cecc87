/**
 * What a failed step printed, made short enough to read in a report: the last lines of its log and
 * the names of the failing tests, read from the output formats test runners print (TAP, JUnit XML,
 * Maven Surefire, pytest, go test, jest).
 */
package io.jenkins.plugins.parallelagents.excerpt;
