package io.jenkins.plugins.parallelagents.database;

/**
 * The database server could not do what the run needs: unreachable, refused the login, or refused
 * to create or drop a database. The message names the server by its redacted URL only.
 */
public final class DatabaseException extends Exception {

  private static final long serialVersionUID = 1L;

  public DatabaseException(String message) {
    super(message);
  }
}
