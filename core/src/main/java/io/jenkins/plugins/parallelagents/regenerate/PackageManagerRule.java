package io.jenkins.plugins.parallelagents.regenerate;

import io.jenkins.plugins.parallelagents.process.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in rule for JavaScript dependencies: in each folder with a conflict, {@code
 * package.json} is merged as data ({@link PackageManifestMerge}), then every lockfile there is
 * rebuilt by its package manager from the combination's version, so that it holds the packages of
 * both sides.
 */
final class PackageManagerRule implements Rule {

  private final ConflictStages stages;
  private final RegenerationCommands commands;

  PackageManagerRule(ConflictStages stages, RegenerationCommands commands) {
    this.stages = stages;
    this.commands = commands;
  }

  @Override
  public boolean covers(String file) {
    String name = name(file);
    return name.equals(PackageManager.MANIFEST) || PackageManager.owning(name) != null;
  }

  @Override
  public Step regenerate(Path tree, String task, List<String> files) throws Refusal {
    Map<String, List<String>> byFolder = new LinkedHashMap<>();
    for (String file : files) {
      byFolder.computeIfAbsent(folder(file), f -> new ArrayList<>()).add(file);
    }
    List<String> written = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    for (Map.Entry<String, List<String>> folder : byFolder.entrySet()) {
      regenerateFolder(tree, task, folder.getKey(), folder.getValue(), written, ran);
    }
    return new Step(written, ran);
  }

  private void regenerateFolder(
      Path tree,
      String task,
      String folder,
      List<String> conflicted,
      List<String> written,
      List<String> ran)
      throws Refusal {
    String manifest = folder + PackageManager.MANIFEST;
    if (conflicted.contains(manifest)) {
      ConflictStages.Stages versions = stages.read(tree, manifest, task);
      if (versions.ours() == null || versions.theirs() == null) {
        String side = versions.ours() == null ? "the combination" : "'" + task + "'";
        throw new Refusal(manifest + " was deleted in " + side);
      }
      PackageManifestMerge.Merged merged =
          new PackageManifestMerge(manifest, task)
              .merge(versions.base(), versions.ours(), versions.theirs());
      if (merged.failure() != null) {
        throw new Refusal(merged.failure());
      }
      stages.write(tree, manifest, merged.text());
      written.add(manifest);
    }
    // The combination's lockfile is the starting point: the manager keeps what it already
    // resolved and adds what the merged manifest asks for.
    Set<PackageManager> managers = new LinkedHashSet<>();
    for (String file : conflicted) {
      PackageManager manager = PackageManager.owning(name(file));
      if (manager != null) {
        stages.write(tree, file, stages.read(tree, file, task).ours());
        managers.add(manager);
      }
    }
    for (PackageManager manager : PackageManager.values()) {
      for (String lockfile : manager.lockfiles()) {
        if (ConflictStages.isFile(tree, folder + lockfile)) {
          managers.add(manager);
        }
      }
    }
    for (PackageManager manager : managers) {
      ran.add(rebuild(tree, folder, manager));
      for (String lockfile : manager.lockfiles()) {
        if (ConflictStages.isFile(tree, folder + lockfile)) {
          stages.stage(tree, List.of(folder + lockfile));
          written.add(folder + lockfile);
        }
      }
    }
  }

  /** Runs {@code manager} in {@code folder}; returns the command as the report shows it. */
  private String rebuild(Path tree, String folder, PackageManager manager) throws Refusal {
    Path directory = folder.isEmpty() ? tree : tree.resolve(folder);
    String version = null;
    if (manager == PackageManager.YARN) {
      version = commands.output(directory, List.of(manager.program(), "--version"));
      if (version == null) {
        throw new Refusal(manager.program() + " is not installed");
      }
    }
    // Inside the tree's own git directory: yarn 1 installs there, where git never stages anything.
    String scratch = tree.resolve(".git").resolve("parallel-agents-node_modules").toString();
    List<String> argv = manager.command(version, scratch);
    String display = String.join(" ", argv);
    if (!folder.isEmpty()) {
      display += " (in " + folder.substring(0, folder.length() - 1) + ")";
    }
    CommandResult result = commands.run(directory, argv, display);
    if (!result.ok()) {
      throw new Refusal(RegenerationCommands.failure(result, display));
    }
    return display;
  }

  /** The folder of {@code file} with its trailing slash, empty at the tree's root. */
  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash + 1);
  }

  private static String name(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
