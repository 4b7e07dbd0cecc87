package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a distributed run's result with the job's own git: its remote and the credentials the CI
 * gave the clone (a checkout action's token, a deploy key), as a user's push would.
 */
final class RemotePush {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final DistributedNode node;

  RemotePush(DistributedNode node) {
    this.node = node;
  }

  PublishReport push(PublishRequest request) {
    Git git = new Git(node.runner(), node.environment());
    List<String> args = new ArrayList<>(List.of("push", "--quiet", "--porcelain"));
    if (request.force()) {
      args.add("--force");
    }
    args.add(request.remote());
    args.add(request.commit() + ":refs/heads/" + request.branch());
    CommandResult result = git.exec(node.run().checkout(), args, TIMEOUT);
    if (result.ok()) {
      return request.pushed();
    }
    return request.failed((result.stdout() + "\n" + result.stderr()).strip());
  }
}
