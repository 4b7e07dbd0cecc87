package io.jenkins.plugins.parallelagents.trust;

import io.jenkins.plugins.parallelagents.plan.InvalidPlanException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plan as a trusted revision holds it (in a pull-request build, the target branch's): its text,
 * which is what the build runs, and a digest of every file it decides what runs with ({@link
 * PlanInputs}), to tell whether a proposed revision changes any of them.
 *
 * @param path the plan's path from the repository's top folder
 * @param text the plan's text at the trusted revision, or {@code null} when it has none
 * @param digests SHA-256 of each input file at the trusted revision, by path; an empty string for a
 *     file the revision does not have
 */
public record TrustedPlan(String path, String text, SortedMap<String, String> digests) {

  private static final String ABSENT = "";

  public TrustedPlan {
    digests = Collections.unmodifiableSortedMap(new TreeMap<>(digests));
  }

  /**
   * Reads the plan at {@code path} and its inputs from the trusted revision. A plan that does not
   * parse counts by its own bytes only: the build refuses it anyway.
   */
  public static TrustedPlan read(String path, RevisionFiles trusted) throws IOException {
    Optional<byte[]> plan = trusted.read(path);
    String text = plan.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    SortedMap<String, String> digests = new TreeMap<>();
    for (String input : inputs(path, text)) {
      digests.put(input, trusted.read(input).map(TrustedPlan::digest).orElse(ABSENT));
    }
    return new TrustedPlan(path, text, digests);
  }

  private static List<String> inputs(String path, String text) {
    if (text != null) {
      try {
        Plan plan = new PlanParser().parse(text, path);
        return new ArrayList<>(PlanInputs.of(plan, path));
      } catch (InvalidPlanException e) {
        // Only the plan's own bytes then: the trusted revision's plan is refused when it is read.
      }
    }
    return List.of(path, PlanInputs.WORKTREE_INCLUDE);
  }

  /** The input files that {@code proposed} holds otherwise (changed, added or removed), sorted. */
  public List<String> changesIn(RevisionFiles proposed) throws IOException {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> input : digests.entrySet()) {
      String now = proposed.read(input.getKey()).map(TrustedPlan::digest).orElse(ABSENT);
      if (!now.equals(input.getValue())) {
        changed.add(input.getKey());
      }
    }
    return changed;
  }

  /**
   * Why a pull request that changes {@code changed} may not run: the plan decides which commands
   * run, on which nodes, and where the result is pushed.
   *
   * @param target the branch the pull request is for, as the build names it
   */
  public static String refusal(List<String> changed, String target) {
    String where = target == null || target.isBlank() ? "the target branch" : "'" + target + "'";
    return "this pull request changes "
        + String.join(", ", changed)
        + ", which the agent plan runs with; a pull request build runs the plan of "
        + where
        + ", so a trusted committer must land the change on "
        + where
        + " first (or the Jenkinsfile sets trustPlanChanges: true to accept plan changes from"
        + " contributors the job's trust settings trust)";
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
