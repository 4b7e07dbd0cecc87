package io.jenkins.plugins.parallelagents.bench;

/**
 * How one measured process went.
 *
 * @param wallMs from start to exit, as the user waits for it
 * @param peakRssKb the highest resident memory of the process ({@code VmHWM}), or -1 where the
 *     system does not tell
 */
record Measured(long wallMs, long peakRssKb, int exitCode) {}
