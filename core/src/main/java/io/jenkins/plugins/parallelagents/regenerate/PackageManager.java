package io.jenkins.plugins.parallelagents.regenerate;

import java.util.ArrayList;
import java.util.List;

/**
 * The JavaScript package managers whose lockfiles are rebuilt rather than merged, each with the
 * command that rewrites its lockfile from {@code package.json} without running any package's
 * install scripts.
 */
enum PackageManager {
  NPM(
      List.of("package-lock.json", "npm-shrinkwrap.json"),
      List.of(
          "npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund")),
  // Yarn 2+ ("berry"); yarn 1 is told apart by its version, see #command.
  YARN(List.of("yarn.lock"), List.of("yarn", "install", "--mode=update-lockfile")),
  PNPM(
      List.of("pnpm-lock.yaml"), List.of("pnpm", "install", "--lockfile-only", "--ignore-scripts"));

  static final String MANIFEST = "package.json";

  /**
   * Yarn 1 has no lockfile-only mode: it installs, into a folder outside the working files that git
   * never stages.
   */
  private static final List<String> YARN_CLASSIC =
      List.of("yarn", "install", "--ignore-scripts", "--non-interactive", "--modules-folder");

  private final List<String> lockfiles;
  private final List<String> command;

  PackageManager(List<String> lockfiles, List<String> command) {
    this.lockfiles = lockfiles;
    this.command = command;
  }

  List<String> lockfiles() {
    return lockfiles;
  }

  String program() {
    return command.get(0);
  }

  /**
   * The command that rebuilds the lockfile.
   *
   * @param version what {@code <program> --version} printed
   * @param scratch a folder inside the tree's git directory, for yarn 1's installed packages
   */
  List<String> command(String version, String scratch) {
    if (this == YARN && version != null && version.startsWith("1.")) {
      List<String> classic = new ArrayList<>(YARN_CLASSIC);
      classic.add(scratch);
      return classic;
    }
    return command;
  }

  /** The manager that owns {@code name}, a lockfile's file name, or {@code null}. */
  static PackageManager owning(String name) {
    for (PackageManager manager : values()) {
      if (manager.lockfiles.contains(name)) {
        return manager;
      }
    }
    return null;
  }
}
