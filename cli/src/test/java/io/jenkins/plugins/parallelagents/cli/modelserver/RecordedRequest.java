package io.jenkins.plugins.parallelagents.cli.modelserver;

import java.util.Map;

/**
 * A request an agent sent to the scripted model server. Headers that carry credentials are left
 * out, so that a test failure never prints a key.
 */
public record RecordedRequest(
    String method, String path, Map<String, String> headers, String body) {}
