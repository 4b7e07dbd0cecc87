/**
 * The optional OS sandbox for agents: their command runs under bubblewrap, which leaves the whole
 * disk read-only but their own tree. Depends on {@code plan}, {@code process} and {@code git} (for
 * {@code EnvironmentException}) only.
 */
package io.jenkins.plugins.parallelagents.sandbox;
