package io.jenkins.plugins.parallelagents.carry;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.plan.CarrySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries the ignored files a project needs to start from the user's checkout into the trees of one
 * run. The checkout is read once, on the first tree, so that every tree of the run gets the same
 * files. Safe to share between the run's threads.
 */
public final class Carrier {

  /** Carries nothing: for hosts and tests without a checkout to carry from. */
  public static final Carrier NONE = new Carrier(null, null, CarrySettings.NONE);

  private final Git git;
  private final Path checkout;
  private final CarrySettings settings;
  private Listing listing;

  /** The checkout's files to carry, and the patterns of its include file that were refused. */
  private record Listing(List<String> files, List<String> refused) {}

  /**
   * @param checkout the top folder of the user's checkout, read and never changed
   * @param settings the plan's {@code environment.carry}; a {@code .worktreeinclude} file at the
   *     checkout's top adds its patterns
   */
  public Carrier(Git git, Path checkout, CarrySettings settings) {
    this.git = git;
    this.checkout = checkout;
    this.settings = settings;
  }

  /**
   * Copies every carried file into {@code tree}, a fresh checkout, and records which, so that the
   * engine's commits leave them out ({@link CarriedFiles}). Call it before setup runs.
   */
  public CarryOutcome into(Path tree) {
    if (checkout == null) {
      return CarryOutcome.NONE;
    }
    Listing listed = listed();
    List<String> carried = new ArrayList<>();
    List<String> notCarried = new ArrayList<>(listed.refused());
    for (String path : listed.files()) {
      TreeCopy.copy(checkout, tree, path)
          .ifPresentOrElse(why -> notCarried.add(path + ": " + why), () -> carried.add(path));
    }
    CarriedFiles.record(tree, carried);
    return new CarryOutcome(carried, notCarried);
  }

  /** The files to carry, listed on first use. */
  private synchronized Listing listed() {
    if (listing == null) {
      CarryPatterns patterns = CarryPatterns.read(checkout, settings);
      listing =
          new Listing(
              IgnoredFiles.matching(git, checkout, patterns.patterns()), patterns.refused());
    }
    return listing;
  }
}
