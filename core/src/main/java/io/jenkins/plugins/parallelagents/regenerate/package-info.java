/**
 * Settles merge conflicts in files that are derived rather than written: dependency manifests
 * ({@code package.json}) merged structurally, lockfiles rebuilt by their package manager, and the
 * plan's {@code merge.regenerate} rules. Implements {@code merge.ConflictRegenerator}; depends on
 * {@code merge}, {@code plan}, {@code process}, {@code git}, {@code agent} (to turn a plan command
 * into arguments) and {@code report}.
 */
package io.jenkins.plugins.parallelagents.regenerate;
