package io.jenkins.plugins.parallelagents.lifecycle;

/** Why saved work cannot be restored as asked, and what to do about it. */
public final class RestoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whose doing the refusal is. */
  public enum Kind {
    /** The request names no saved work, or asks for something that cannot be done. */
    REQUEST,
    /** The repository or disk holds something a restore would overwrite. */
    IN_THE_WAY
  }

  private final Kind kind;

  public RestoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
