package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** {@code bench/run}: measures the engine and prints the tables on stdout. */
public final class BenchMain {

  private BenchMain() {}

  static String markdown(List<Table> tables) {
    StringBuilder out = new StringBuilder();
    for (Table table : tables) {
      out.append(table.markdown()).append('\n');
    }
    return out.toString();
  }

  public static void main(String[] args) throws IOException {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String out = markdown(new Benchmark(options, new BenchLog(System.err)).run());
    System.out.print(out);
    if (options.out() != null) {
      Files.writeString(options.out(), out);
    }
  }
}
