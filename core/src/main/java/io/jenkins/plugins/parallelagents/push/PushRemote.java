package io.jenkins.plugins.parallelagents.push;

/**
 * A remote as the job's SCM configuration declares it (not as a workspace's {@code .git/config}
 * says).
 *
 * @param name the remote's name; {@code null} or blank is {@code origin}, as the Git plugin names
 *     it
 * @param url where it is
 */
public record PushRemote(String name, String url) {

  public PushRemote {
    name = name == null || name.isBlank() ? "origin" : name.strip();
  }
}
