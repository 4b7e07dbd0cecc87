package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import java.nio.file.Path;

/** Test shorthand for deleting a folder tree. */
final class TaskRepositoriesAccess {
  private TaskRepositoriesAccess() {}

  static void removeRecursively(Path folder) {
    TaskRepositories.remove(folder);
  }
}
