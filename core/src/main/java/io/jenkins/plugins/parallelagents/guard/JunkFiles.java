package io.jenkins.plugins.parallelagents.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Files no task should commit: build output, dependency folders, logs, editor and OS droppings, and
 * {@code .env} files, which hold a developer's own keys. The plan format documents the list.
 */
final class JunkFiles {

  /** The built-in artefact patterns; {@code guard.junk} adds to them. */
  static final List<String> DEFAULTS =
      List.of(
          ".env",
          ".env.*",
          "*.log",
          "npm-debug.log*",
          "yarn-debug.log*",
          "yarn-error.log*",
          "pnpm-debug.log*",
          "**/node_modules/**",
          "**/dist/**",
          "**/build/**",
          "**/coverage/**",
          "**/__pycache__/**",
          "*.pyc",
          "*.map",
          ".DS_Store",
          "Thumbs.db");

  /** Templates that document which variables exist, with placeholder values: meant to be shared. */
  static final List<String> TEMPLATES = List.of(".env.example", ".env.sample", ".env.template");

  private final PathPatterns junk;
  private final PathPatterns templates = new PathPatterns(TEMPLATES);

  JunkFiles(List<String> extra) {
    List<String> all = new ArrayList<>(DEFAULTS);
    all.addAll(extra);
    this.junk = new PathPatterns(all);
  }

  /** The pattern that makes {@code path} junk, or {@code null} when it is not. */
  String match(String path) {
    return templates.firstMatch(path) != null ? null : junk.firstMatch(path);
  }
}
