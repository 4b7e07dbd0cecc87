/**
 * Which Jenkins nodes a plan's tasks may run on: the labels a Jenkinsfile allows plans to ask for,
 * and the built-in node kept out unless the Jenkinsfile lets tasks run there.
 */
package io.jenkins.plugins.parallelagents.labels;
