/**
 * A plan run across machines, one step at a time, as Jenkins runs it: each task on its own node
 * ({@link io.jenkins.plugins.parallelagents.distributed.NodeTask}), its result handed to the merge
 * node as a git bundle ({@link io.jenkins.plugins.parallelagents.distributed.Handoff}), then merge
 * and test ({@link io.jenkins.plugins.parallelagents.distributed.NodeMerge}) and the published
 * result recorded ({@link io.jenkins.plugins.parallelagents.distributed.ReportUpdate}). Every step
 * is a plain call with its inputs on disk, so a host can run each one in a different process.
 */
package io.jenkins.plugins.parallelagents.distributed;
