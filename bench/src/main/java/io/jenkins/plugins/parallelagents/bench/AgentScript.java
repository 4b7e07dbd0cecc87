package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scripted agent every benchmark task runs: it waits as long as its task says, then changes
 * files of its own (one existing file of the repository, one new file), so that the merges are real
 * and never conflict.
 */
final class AgentScript {

  private AgentScript() {}

  /** Writes the script for a repository of {@code files} files; returns its path. */
  static Path write(Path dir, int files) throws IOException {
    // 7919 is prime and so coprime with the file counts used here: tasks never share a file.
    String script =
        """
        #!/usr/bin/env bash
        # Benchmark agent: agent.sh TASK-ID [SECONDS]
        set -eu
        id=$1
        secs=${2:-0}
        case "$secs" in 0|0.000) ;; *) sleep "$secs" ;; esac
        mkdir -p tasks
        echo "work of $id" > "tasks/$id.txt"
        case "$id" in
          t[0-9]*)
            n=$((10#${id#t}))
            i=$(( n * 7919 %% %d ))
            echo "changed by $id" >> "src/d$(( i / 100 ))/f$i.txt"
            ;;
        esac
        """
            .formatted(files);
    Path file = dir.resolve("agent.sh");
    Files.writeString(file, script);
    return file;
  }
}
