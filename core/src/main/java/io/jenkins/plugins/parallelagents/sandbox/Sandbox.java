package io.jenkins.plugins.parallelagents.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps an agent's command line in bubblewrap ({@code bwrap}): the whole file system read-only, a
 * private {@code /tmp}, its own tree writable, the network kept (agents call their model's API),
 * and a process namespace of its own, so that everything the agent started ends with it.
 */
public final class Sandbox {

  /** The program, looked up on the run's {@code PATH} like any command. */
  public static final String PROGRAM = "bwrap";

  private Sandbox() {}

  /**
   * The command line that runs {@code argv} in the sandbox.
   *
   * @param writableTree the one folder the command may change, also its working directory
   * @param readable files or folders the command must still read when they are under {@code /tmp}
   *     (its prompt file, the objects its repository borrows); bound read-only, skipped when
   *     missing. The engine names them: nothing the agent's tree says is read here
   */
  public static List<String> wrap(List<String> argv, Path writableTree, List<Path> readable) {
    String tree = writableTree.toAbsolutePath().normalize().toString();
    List<String> wrapped = new ArrayList<>();
    wrapped.add(PROGRAM);
    wrapped.addAll(List.of("--ro-bind", "/", "/"));
    wrapped.addAll(List.of("--dev", "/dev"));
    wrapped.addAll(List.of("--proc", "/proc"));
    // A private /tmp: the host's is shared by every user and program, and writable by all.
    wrapped.addAll(List.of("--tmpfs", "/tmp"));
    for (Path path : readable) {
      String file = path.toAbsolutePath().normalize().toString();
      wrapped.addAll(List.of("--ro-bind-try", file, file));
    }
    // After /tmp, so that a tree under /tmp (a CI workspace) is the host's, not the empty tmpfs.
    wrapped.addAll(List.of("--bind", tree, tree));
    wrapped.addAll(List.of("--chdir", tree));
    // When the agent's own process ends, the namespace's first process ends and the kernel kills
    // the rest, including what escaped the step's process group with setsid or a double fork.
    wrapped.add("--unshare-pid");
    wrapped.add("--die-with-parent");
    // No controlling terminal: a process with one could push keystrokes into it (TIOCSTI).
    wrapped.add("--new-session");
    wrapped.add("--");
    wrapped.addAll(argv);
    return List.copyOf(wrapped);
  }
}
