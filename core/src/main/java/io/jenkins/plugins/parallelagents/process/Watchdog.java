package io.jenkins.plugins.parallelagents.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A small {@code sh} process that outlives the JVM only to stop a runner's processes: when the JVM
 * dies (even of SIGKILL), nothing of its run keeps running, no agent, no test, no {@code git push}.
 *
 * <p>It waits on its standard input, a pipe whose only writer is this JVM. Whatever way the JVM
 * ends, the kernel closes that pipe and the watchdog wakes: there is no pid to poll, so no pid
 * reuse to fear. It then stops every process carrying the runner's {@link RunMarker}, kills the
 * runner's control group where there is one, and exits. {@link #close()} ends it the same way when
 * the runner is closed. Its output goes nowhere, so it never holds a parent's pipe (a build tool's
 * forked test JVM) open.
 */
final class Watchdog implements AutoCloseable {

  /**
   * Ignores the terminal's signals (Ctrl-C reaches the whole foreground group, the watchdog too: it
   * must outlive the JVM's cancelling), waits for end of input, then TERM and a grace. Then, as
   * {@link ProcessTrees} does, it freezes (STOP) the marked processes until a scan finds no new one
   * (a frozen process cannot start another), kills them all, and starts over until none is left:
   * killing only what one scan found would always be one copy late for a process that keeps
   * starting a new copy of itself. Processes are read newest first: a copy lives a few
   * milliseconds. A process in the middle of an exec shows no environment, and a copy that does
   * little else is found by few scans, so the watchdog exits only once 100 scans in a row (about
   * half a second) found none.
   *
   * <p>A runner that is closed has stopped its processes itself first, and says so with a {@code
   * closed} line before closing the pipe: then one scan that finds nothing is enough. Without it,
   * every closed runner scanned every process's environment a hundred times; hundreds of runners
   * closing together (a JVM ending its builds) kept the machine busy for minutes.
   */
  private static final String SCRIPT =
      """
      trap '' INT TERM HUP QUIT
      closed=""
      while read -r line; do [ "$line" = closed ] && closed=1; done
      marked() {
        newest_first=""
        d='[0-9]'
        for f in /proc/$d/environ /proc/$d$d/environ /proc/$d$d$d/environ \\
            /proc/$d$d$d$d/environ /proc/$d$d$d$d$d/environ /proc/$d$d$d$d$d$d/environ \\
            /proc/$d$d$d$d$d$d$d/environ; do
          newest_first="$f $newest_first"
        done
        grep -lzs "^$1" $newest_first | sed 's#^/proc/##; s#/environ$##'
      }
      pids=$(marked "$1")
      [ -n "$pids" ] && kill -s TERM $pids 2>/dev/null && sleep 1
      [ -n "$2" ] && echo 1 > "$2/cgroup.kill" 2>/dev/null
      rounds=0
      quiet=0
      [ -n "$closed" ] && [ -z "$pids" ] && quiet=100
      while [ $rounds -lt 1000 ] && [ $quiet -lt 100 ]; do
        fresh=$(marked "$1")
        if [ -z "$fresh" ]; then
          quiet=$((quiet + 1))
          continue
        fi
        quiet=0
        frozen=" "
        while [ -n "$fresh" ] && [ $rounds -lt 1000 ]; do
          rounds=$((rounds + 1))
          kill -s STOP $fresh 2>/dev/null
          frozen="$frozen$(echo $fresh) "
          new=""
          for p in $(marked "$1"); do
            case "$frozen" in *" $p "*) ;; *) new="$new $p" ;; esac
          done
          fresh=$new
        done
        kill -s KILL $frozen 2>/dev/null
      done
      if [ -n "$2" ]; then
        echo 1 > "$2/cgroup.kill" 2>/dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10; do
          grep -qs 'populated 1' "$2/cgroup.events" || break
          sleep 1
        done
        rmdir "$2"/*/ "$2" 2>/dev/null
      fi
      """;

  private final Process process;
  private final OutputStream lifeline;

  private Watchdog(Process process) {
    this.process = process;
    this.lifeline = process.getOutputStream();
  }

  /**
   * Starts a watchdog for the processes whose environment has an entry starting with {@code
   * markerPrefix}, and for those in the control group {@code cgroup} ({@link StepCgroups}, which it
   * kills and removes); empty when it cannot start (no {@code sh}, no {@code /proc}).
   */
  static Optional<Watchdog> start(String markerPrefix, Optional<Path> cgroup) {
    // The marker is an argument, not in the watchdog's environment: it must not find itself.
    String group = cgroup.map(Path::toString).orElse("");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of("sh", "-c", SCRIPT, "parallel-agents-watchdog", markerPrefix, group))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(RunMarker.VARIABLE::equals);
    try {
      return Optional.of(new Watchdog(builder.start()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * Ends the watchdog when the runner has stopped its processes: it stops what is left of them
   * (usually none) and exits.
   */
  @Override
  public void close() {
    try {
      lifeline.write("closed\n".getBytes(StandardCharsets.US_ASCII));
      lifeline.flush();
    } catch (IOException ignored) {
      // the watchdog already ended, or closing below wakes it all the same
    }
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the watchdog already ended: closing our end is all that was asked
    }
  }
}
