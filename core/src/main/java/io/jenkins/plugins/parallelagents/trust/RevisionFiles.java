package io.jenkins.plugins.parallelagents.trust;

import java.io.IOException;
import java.util.Optional;

/** The files of one revision of a repository, read by their path from its top folder. */
public interface RevisionFiles {

  /**
   * The file's bytes, or empty when the revision has no file at {@code path}.
   *
   * @throws IOException when the revision cannot be read at all
   */
  Optional<byte[]> read(String path) throws IOException;
}
