package io.jenkins.plugins.parallelagents.doctor;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a known agent CLI will find its credentials: an API key in the environment or the file
 * its login writes. Names the variable or file found, never a value. The names are those the CLIs
 * themselves read (their sources and help): a key under another name is not seen by them either.
 */
final class SignIn {

  /** aider takes the key of whichever model it is given; these are the common ones. */
  private static final List<String> AIDER_KEYS =
      List.of(
          "OPENAI_API_KEY",
          "ANTHROPIC_API_KEY",
          "GEMINI_API_KEY",
          "DEEPSEEK_API_KEY",
          "OPENROUTER_API_KEY");

  private final Map<String, String> environment;

  SignIn(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Check check(KnownCli cli, String subject, List<String> arguments) {
    return switch (cli) {
      case CODEX -> codex(subject);
      case CLAUDE -> claude(subject);
      case GEMINI -> gemini(subject);
      case AIDER -> aider(subject, arguments);
    };
  }

  private Check codex(String subject) {
    Optional<String> key = firstSet(List.of("OPENAI_API_KEY", "CODEX_API_KEY"));
    if (key.isPresent()) {
      return Check.ok(subject, key.get() + " is set");
    }
    Optional<Path> auth = folder("CODEX_HOME", ".codex").map(dir -> dir.resolve("auth.json"));
    if (auth.isPresent() && Files.isRegularFile(auth.get())) {
      return Check.ok(subject, "signed in with codex login (" + auth.get() + ")");
    }
    return Check.failed(
        subject,
        "neither OPENAI_API_KEY nor CODEX_API_KEY is set, and there is no codex login"
            + auth.map(file -> " (" + file + ")").orElse(""),
        "set OPENAI_API_KEY (or CODEX_API_KEY) in the environment, or run 'codex login' once as"
            + " this user");
  }

  private Check claude(String subject) {
    Optional<String> key =
        firstSet(List.of("ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_AUTH_TOKEN"));
    if (key.isPresent()) {
      return Check.ok(subject, key.get() + " is set");
    }
    Optional<Path> credentials =
        folder("CLAUDE_CONFIG_DIR", ".claude").map(dir -> dir.resolve(".credentials.json"));
    if (credentials.isPresent() && Files.isRegularFile(credentials.get())) {
      return Check.ok(subject, "signed in with claude (" + credentials.get() + ")");
    }
    return Check.failed(
        subject,
        "none of ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, ANTHROPIC_AUTH_TOKEN is set, and"
            + " claude is not signed in"
            + credentials.map(file -> " (no " + file + ")").orElse(""),
        "set ANTHROPIC_API_KEY, or CLAUDE_CODE_OAUTH_TOKEN to a token made with 'claude"
            + " setup-token'");
  }

  private Check gemini(String subject) {
    if (isSet("GEMINI_API_KEY")) {
      return Check.ok(subject, "GEMINI_API_KEY is set");
    }
    if ("true".equals(environment.get("GOOGLE_GENAI_USE_VERTEXAI"))) {
      if (isSet("GOOGLE_API_KEY")) {
        return Check.ok(subject, "Vertex AI with GOOGLE_API_KEY");
      }
      if (isSet("GOOGLE_CLOUD_PROJECT") && isSet("GOOGLE_CLOUD_LOCATION")) {
        return Check.ok(subject, "Vertex AI in GOOGLE_CLOUD_PROJECT at GOOGLE_CLOUD_LOCATION");
      }
      return Check.failed(
          subject,
          "GOOGLE_GENAI_USE_VERTEXAI is true, but neither GOOGLE_API_KEY nor both"
              + " GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION are set",
          "set GOOGLE_API_KEY, or GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION");
    }
    // GEMINI_CLI_HOME stands for the home folder, under which gemini keeps its .gemini.
    Optional<Path> login =
        folder("GEMINI_CLI_HOME", "")
            .map(home -> home.resolve(".gemini").resolve("oauth_creds.json"));
    if (login.isPresent() && Files.isRegularFile(login.get())) {
      return Check.ok(subject, "signed in with Google (" + login.get() + ")");
    }
    return Check.failed(
        subject,
        "GEMINI_API_KEY is not set, Vertex AI is not configured, and gemini is not signed in",
        "set GEMINI_API_KEY, or GOOGLE_GENAI_USE_VERTEXAI=true with GOOGLE_API_KEY");
  }

  private Check aider(String subject, List<String> arguments) {
    if (arguments.stream().anyMatch(a -> a.equals("--api-key") || a.startsWith("--api-key="))) {
      return Check.ok(subject, "the profile passes --api-key");
    }
    Optional<String> key = firstSet(AIDER_KEYS);
    if (key.isPresent()) {
      return Check.ok(subject, key.get() + " is set (the model decides which key aider needs)");
    }
    return Check.warning(
        subject,
        "none of " + String.join(", ", AIDER_KEYS) + " is set; aider's key depends on its model",
        "set the API key of the model aider uses, or put it in .aider.conf.yml");
  }

  private Optional<String> firstSet(List<String> names) {
    return names.stream().filter(this::isSet).findFirst();
  }

  private boolean isSet(String name) {
    String value = environment.get(name);
    return value != null && !value.isBlank();
  }

  /** {@code $variable} when set, else {@code ~/hidden}; empty with neither set nor a HOME. */
  private Optional<Path> folder(String variable, String hidden) {
    try {
      if (isSet(variable)) {
        return Optional.of(Path.of(environment.get(variable)));
      }
      return isSet("HOME")
          ? Optional.of(Path.of(environment.get("HOME")).resolve(hidden))
          : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
