package io.jenkins.plugins.parallelagents.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of a commit in a git repository, read from the commit's objects: what its checkout held
 * before anything ran in it, whatever the working tree holds now. Read with JGit, which runs no
 * hook, helper or filter a repository's config could name.
 */
public final class GitRevisionFiles implements RevisionFiles {

  private final Path checkout;
  private final String commit;

  /**
   * @param checkout a repository's working tree (its {@code .git} a folder or a file)
   * @param commit a commit id, or a name that resolves to one ({@code HEAD})
   */
  public GitRevisionFiles(Path checkout, String commit) {
    this.checkout = checkout;
    this.commit = commit;
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    try (Repository repository =
            new FileRepositoryBuilder().setWorkTree(checkout.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repository)) {
      RevCommit revision = commit(repository, walk);
      try (TreeWalk entry = TreeWalk.forPath(repository, path, revision.getTree())) {
        if (entry == null) {
          return Optional.empty();
        }
        FileMode mode = entry.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE
            && mode != FileMode.EXECUTABLE_FILE
            && mode != FileMode.SYMLINK) {
          return Optional.empty(); // a folder or a submodule where a file was expected
        }
        // A symbolic link's blob is its target's name: a changed link is a changed file.
        return Optional.of(repository.open(entry.getObjectId(0)).getBytes());
      }
    }
  }

  private RevCommit commit(Repository repository, RevWalk walk) throws IOException {
    try {
      ObjectId id = repository.resolve(commit + "^{commit}");
      if (id != null) {
        return walk.parseCommit(id);
      }
    } catch (MissingObjectException e) {
      // A full commit id resolves without its object being there.
    }
    throw new IOException("no commit '" + commit + "' in " + checkout);
  }
}
