/**
 * Ports of their own for the steps of a run: each task attempt and each run of the combined test
 * gets one free port per variable of the plan's {@code environment.ports}, so that servers started
 * side by side do not collide. Depends on {@code plan} only.
 */
package io.jenkins.plugins.parallelagents.ports;
