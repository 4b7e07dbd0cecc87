package io.jenkins.plugins.parallelagents.secrets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks given secret values in every regular file under a folder: for files a host archives (a
 * task's prompt, logs and diff, the run's reports) that hold values the engine did not know when it
 * wrote them, such as the credentials a Jenkins build binds around the steps.
 *
 * <p>Each value is masked in the forms {@link Redactor} masks (its lines, its JSON, HTML and URL
 * escapes), and values shorter than {@link Redactor#MIN_LENGTH} are left alone, as there. Files are
 * read as bytes, a chunk at a time: a log of any size needs little memory, bytes that are not UTF-8
 * come out as they went in, and a value split between two chunks is still found. A file is replaced
 * in one rename only when something in it was masked.
 *
 * <p>An agent can write into the folder, so symbolic links are never followed: neither a link to a
 * file elsewhere nor a link to a folder has anything outside the folder rewritten.
 */
public final class FolderMasker {

  /** How much of a file is read at a time. */
  static final int CHUNK = 64 * 1024;

  /** The suffix of the file a masked copy is written to before it replaces the original. */
  static final String TEMP_SUFFIX = ".masking";

  private static final byte[] MASK = Redactor.MASK.getBytes(StandardCharsets.US_ASCII);

  /**
   * The values' UTF-8 bytes as ISO-8859-1 text, one character per byte: a regular expression can
   * then search bytes, and decoding and encoding a file that way never changes a byte.
   */
  private final Pattern values;

  private final int longest;

  /**
   * @param secrets the values to mask; {@code null} and short ones are ignored
   */
  public FolderMasker(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= Redactor.MIN_LENGTH) {
        for (String form : Redactor.maskedForms(secret)) {
          forms.add(new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
      }
    }
    this.longest = forms.stream().mapToInt(String::length).max().orElse(0);
    // Longest first: a value that contains another must be masked whole, not around the shorter.
    this.values =
        forms.isEmpty()
            ? null
            : Pattern.compile(
                forms.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|")));
  }

  /**
   * Masks the values in every regular file under {@code folder}, which may be missing. A {@code
   * folder} that is itself a symbolic link is left alone. Returns how many files were rewritten.
   */
  public int maskUnder(Path folder) throws IOException {
    if (values == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    int[] masked = {0};
    // No FOLLOW_LINKS: a link is visited as a file that is not regular, and skipped.
    FileVisitor<Path> visitor =
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile()
                && !file.getFileName().toString().endsWith(TEMP_SUFFIX)
                && mask(file)) {
              masked[0]++;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // gone meanwhile (another masking's copy): no secret
            }
            throw e;
          }
        };
    Files.walkFileTree(folder, visitor);
    return masked[0];
  }

  /** Masks the values in one file; returns whether it was rewritten. */
  boolean mask(Path file) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", TEMP_SUFFIX);
    try {
      boolean masked;
      // NOFOLLOW_LINKS: a file swapped for a link since the walk saw it is refused, not followed.
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        masked = copyMasked(in, out);
      }
      if (masked) {
        keepPermissions(file, temp);
        replace(temp, file);
      }
      return masked;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Copies {@code in} to {@code out} with every value masked; returns whether any was. */
  boolean copyMasked(InputStream in, OutputStream out) throws IOException {
    StringBuilder pending = new StringBuilder();
    byte[] chunk = new byte[CHUNK];
    boolean masked = false;
    for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
      pending.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
      masked |= flush(pending, out, false);
    }
    masked |= flush(pending, out, true);
    return masked;
  }

  /**
   * Writes out the part of {@code pending} that the bytes still to come cannot change, masked, and
   * keeps the rest. Until the end, the last {@code longest - 1} characters are kept: a value may
   * start there and end in the next chunk. A value that starts before them ends within {@code
   * pending}, so the longest value starting there is found whole.
   */
  private boolean flush(StringBuilder pending, OutputStream out, boolean end) throws IOException {
    int settled = end ? pending.length() : pending.length() - (longest - 1);
    if (settled <= 0) {
      return false;
    }
    Matcher matcher = values.matcher(pending);
    int from = 0;
    boolean masked = false;
    while (matcher.find() && matcher.start() < settled) {
      write(out, pending, from, matcher.start());
      out.write(MASK);
      from = matcher.end();
      masked = true;
    }
    int kept = Math.max(from, settled);
    write(out, pending, from, kept);
    pending.delete(0, kept);
    return masked;
  }

  private static void write(OutputStream out, CharSequence text, int from, int to)
      throws IOException {
    if (from < to) {
      out.write(text.subSequence(from, to).toString().getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** The masked copy gets the original's permissions (a temporary file is owner-only). */
  private static void keepPermissions(Path file, Path temp) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view != null) {
      PosixFileAttributes attributes = view.readAttributes();
      Files.setPosixFilePermissions(temp, attributes.permissions());
    }
  }

  /** One rename: a reader, such as an archiving host, sees the old file or the masked one. */
  private static void replace(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
