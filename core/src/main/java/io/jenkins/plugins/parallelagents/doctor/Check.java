package io.jenkins.plugins.parallelagents.doctor;

import java.util.Objects;

/**
 * One thing the doctor looked at.
 *
 * @param subject what was checked, e.g. {@code git} or {@code agent 'codex': sign-in}
 * @param status how it came out
 * @param finding what was found, in one line; never a secret's value
 * @param fix what to do about it, in one line, or {@code null} when the check passed
 */
public record Check(String subject, CheckStatus status, String finding, String fix) {

  public Check {
    Objects.requireNonNull(subject);
    Objects.requireNonNull(status);
    Objects.requireNonNull(finding);
    if (status != CheckStatus.OK && fix == null) {
      throw new IllegalArgumentException("a problem comes with a fix: " + subject);
    }
  }

  static Check ok(String subject, String finding) {
    return new Check(subject, CheckStatus.OK, finding, null);
  }

  static Check warning(String subject, String finding, String fix) {
    return new Check(subject, CheckStatus.WARNING, finding, fix);
  }

  static Check failed(String subject, String finding, String fix) {
    return new Check(subject, CheckStatus.FAILED, finding, fix);
  }
}
