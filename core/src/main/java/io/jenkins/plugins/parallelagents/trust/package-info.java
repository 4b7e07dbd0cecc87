/**
 * Trusted plans in pull-request builds: which repository files a plan decides what runs with
 * ({@link io.jenkins.plugins.parallelagents.trust.PlanInputs}), those files at a trusted revision
 * ({@link io.jenkins.plugins.parallelagents.trust.TrustedPlan}), and whether a proposed revision
 * changes any of them.
 */
package io.jenkins.plugins.parallelagents.trust;
