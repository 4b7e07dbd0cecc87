/**
 * Publishing from a CI workspace that untrusted code has run in: the URL chosen from the job's own
 * SCM configuration ({@link io.jenkins.plugins.parallelagents.push.PushUrl}), and a push from a
 * fresh repository with a clean git environment ({@link
 * io.jenkins.plugins.parallelagents.push.CleanPush}), so that nothing the workspace holds can
 * redirect the push or its credential.
 */
package io.jenkins.plugins.parallelagents.push;
