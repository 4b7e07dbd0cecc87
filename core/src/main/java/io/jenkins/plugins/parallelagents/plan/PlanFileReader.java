package io.jenkins.plugins.parallelagents.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text of a plan file without trusting it: only a regular file is opened (a pipe would
 * block, a device such as {@code /dev/zero} never ends), and never more than {@link
 * PlanParser#MAX_BYTES}, so that an oversized file costs neither memory nor time.
 */
final class PlanFileReader {

  private PlanFileReader() {}

  /** The file's UTF-8 text; anything unusable is a whole-file problem. */
  static String read(Path file) throws IOException, InvalidPlanException {
    Problems problems = new Problems(file.toString());
    BasicFileAttributes attributes;
    try {
      // The type is known before the file is opened: opening a pipe for reading would wait.
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw refuse(problems, "no such plan file");
    }
    if (attributes.isDirectory()) {
      throw refuse(problems, "is a folder, not a plan file");
    }
    if (!attributes.isRegularFile()) {
      throw refuse(
          problems, "is not a regular file (a pipe or a device, say); a plan is read from a file");
    }
    if (attributes.size() > PlanParser.MAX_BYTES) {
      throw refuse(problems, tooLarge(attributes.size() + " bytes"));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // One byte more than allowed tells a file that grew since its size was read.
      bytes = in.readNBytes(PlanParser.MAX_BYTES + 1);
    }
    if (bytes.length > PlanParser.MAX_BYTES) {
      throw refuse(problems, tooLarge("more than " + PlanParser.MAX_BYTES + " bytes"));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw refuse(problems, "is not UTF-8 text; a plan is a YAML or JSON text file");
    }
  }

  /** The sentence for a plan over the size limit, after the file's name. */
  static String tooLarge(String size) {
    return "the plan is "
        + size
        + "; a plan may be at most "
        + PlanParser.MAX_BYTES
        + " bytes (1 MiB)";
  }

  private static InvalidPlanException refuse(Problems problems, String message) {
    problems.add(Position.FILE, message);
    return problems.toException();
  }
}
