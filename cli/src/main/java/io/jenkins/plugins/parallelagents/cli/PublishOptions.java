package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.BranchName;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a command publishes, over what the plan says: for every command that publishes a result, so
 * that a target someone else holds can be left alone or replaced without editing the plan.
 */
final class PublishOptions {

  @Option(
      names = "--target",
      paramLabel = "NAME",
      converter = BranchNameConverter.class,
      description =
          "Publish to branch NAME instead of the plan's target (for example when the target holds"
              + " someone else's work).")
  String target;

  @Option(
      names = "--force-publish",
      description =
          "Replace the target whatever it holds, as 'publish.force: true' in the plan does."
              + " Without it, a target holding commits that neither the base contains nor an"
              + " earlier run of this plan published stops the run before any agent starts.")
  boolean forcePublish;

  /** The plan with these options applied. */
  Plan applyTo(Plan plan) {
    Plan result = target == null ? plan : plan.withTarget(target);
    if (forcePublish) {
      result = result.withPublish(new PublishSettings(plan.publish().remote(), true));
    }
    return result;
  }

  /** The same rules as the plan's {@code target}. */
  static final class BranchNameConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      Optional<String> problem = BranchName.problem(value);
      if (problem.isPresent()) {
        throw new TypeConversionException(
            "'" + value + "' is not a valid branch name: " + problem.get());
      }
      return value;
    }
  }
}
