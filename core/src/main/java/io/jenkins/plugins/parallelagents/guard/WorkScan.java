package io.jenkins.plugins.parallelagents.guard;

import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.PlanSize;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.LargeObjectException;

/**
 * Collects the findings of one review: each changed file's name, size and added lines, and each new
 * commit's text. Everything that would be published is looked at, since a secret in a file name or
 * a commit message leaves with the branch as surely as one in a file.
 */
final class WorkScan {

  /** How much of a commit id a finding shows. */
  private static final int SHORT_ID = 12;

  private final GuardSettings settings;
  private final Redactor redactor;
  private final PathPatterns allowed;
  private final JunkFiles junk;
  private final List<Finding> secrets = new ArrayList<>();
  private final List<Finding> others = new ArrayList<>();

  WorkScan(GuardSettings settings, Redactor redactor) {
    this.settings = settings;
    this.redactor = redactor;
    this.allowed = new PathPatterns(settings.allow());
    this.junk = new JunkFiles(settings.junk());
  }

  /** Secrets first: they are what a reader must act on. */
  List<Finding> findings() {
    List<Finding> all = new ArrayList<>(secrets);
    all.addAll(others);
    return all;
  }

  void file(AddedWork work, AddedWork.Change change) {
    String path = change.path();
    if (allowed.firstMatch(path) != null) {
      return;
    }
    String shown = path;
    if (change.status() == 'A') {
      List<String> inName = settings.secrets() ? nameSecrets(path) : List.of();
      if (!inName.isEmpty()) {
        shown = safeName(path);
        secrets.add(Finding.secretInName(shown, inName.get(0)));
      }
      String pattern = junk.match(path);
      if (pattern != null) {
        others.add(Finding.junk(shown, pattern));
      }
    }
    // Grown and retyped files count as much as new ones: each way puts the bytes in the branch.
    long size = work.size(change);
    if (size < 0) {
      others.add(Finding.unknownSize(shown));
    } else if (size > settings.maxFileSize()) {
      others.add(tooLarge(shown, size));
    } else if (settings.secrets()) {
      scanLines(work, change, shown, size);
    }
  }

  private void scanLines(AddedWork work, AddedWork.Change change, String shown, long size) {
    try {
      work.addedLines(
          change,
          (number, text) ->
              SecretLines.find(text, redactor)
                  .forEach(what -> secrets.add(Finding.secret(shown, number, what))));
    } catch (LargeObjectException e) {
      // only when the plan's limit is above what memory can hold: unscanned is not clean
      others.add(tooLarge(shown, size));
    }
  }

  void commit(AddedWork work, String commit) {
    if (!settings.secrets()) {
      return;
    }
    String shortId = commit.substring(0, Math.min(SHORT_ID, commit.length()));
    String text = work.commitText(commit, settings.maxFileSize());
    if (text == null) {
      others.add(Finding.commitTooLarge(shortId, PlanSize.format(settings.maxFileSize())));
      return;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      SecretLines.find(lines[i], redactor)
          .forEach(what -> secrets.add(Finding.secretInCommit(shortId, number, what)));
    }
  }

  /** The secrets in a path as a whole or in any of its names ({@code API_KEY=...} as a folder). */
  private List<String> nameSecrets(String path) {
    List<String> found = SecretLines.find(path, redactor);
    if (found.isEmpty() && path.indexOf('/') >= 0) {
      for (String name : path.split("/")) {
        found = SecretLines.find(name, redactor);
        if (!found.isEmpty()) {
          break;
        }
      }
    }
    return found;
  }

  /** The path with the secrets the redactor knows masked, or only its folder if that is not all. */
  private String safeName(String path) {
    String masked = redactor.redact(path);
    if (nameSecrets(masked).isEmpty()) {
      return masked;
    }
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : redactor.redact(path.substring(0, slash + 1));
    return nameSecrets(folder).isEmpty() ? "a file in " + folder : "a file";
  }

  private Finding tooLarge(String shown, long size) {
    return Finding.tooLarge(shown, PlanSize.format(size), PlanSize.format(settings.maxFileSize()));
  }
}
