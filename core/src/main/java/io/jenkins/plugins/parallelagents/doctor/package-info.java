/**
 * Checks, before a long run, that this machine can run a plan: git new enough, bubblewrap where the
 * plan sandboxes an agent, and for each agent profile the plan uses, its program installed, signed
 * in and accepting the flags the profile passes. Returns the findings as values; the caller shows
 * them. Depends on {@code plan}, {@code process}, {@code git} and {@code sandbox} only.
 */
package io.jenkins.plugins.parallelagents.doctor;
