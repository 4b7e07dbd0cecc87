/**
 * Files git ignores in the user's checkout that a project needs to start (a {@code .env}, a local
 * config, certificates), carried into every task tree and the combined tree before setup, and kept
 * out of every commit the engine makes.
 */
package io.jenkins.plugins.parallelagents.carry;
