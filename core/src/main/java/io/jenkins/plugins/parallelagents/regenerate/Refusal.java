package io.jenkins.plugins.parallelagents.regenerate;

/** Why a regeneration cannot go on, in one line; ends the regeneration, never the merge. */
final class Refusal extends Exception {
  Refusal(String reason) {
    super(reason, null, false, false);
  }
}
