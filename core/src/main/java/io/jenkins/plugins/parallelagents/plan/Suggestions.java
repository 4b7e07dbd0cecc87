package io.jenkins.plugins.parallelagents.plan;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a typo was meant to be, for "did you mean ...?" hints. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code typo}, if it is close enough to be a plausible slip: the same
   * word in another case, or a few edits apart relative to its length.
   */
  static Optional<String> closest(String typo, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typo.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance && plausible(distance, typo, candidate)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " (did you mean 'x'?)"}, or nothing when no candidate is close. */
  static String hint(String typo, Collection<String> candidates) {
    return closest(typo, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /**
   * A third of the word may be wrong, at most three letters, and never half of it: between short
   * names such as {@code a} and {@code b} any guess would be noise.
   */
  private static boolean plausible(int distance, String typo, String candidate) {
    int longer = Math.max(typo.length(), candidate.length());
    return distance <= Math.max(1, Math.min(3, candidate.length() / 3)) && distance * 2 < longer;
  }

  /**
   * Edit distance counting a swap of two neighbouring letters as one edit, the most common typo
   * ("nedes" for "needs").
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
