package io.jenkins.plugins.parallelagents.jenkins.dsl;

import edu.umd.cs.findbugs.annotations.NonNull;
import groovy.lang.Binding;
import hudson.Extension;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * {@code parallelAgents(plan: 'agents-plan.yaml')}: the whole run as real stages, written in Groovy
 * ({@code ParallelAgents.groovy}) because only a script can emit {@code stage} and {@code parallel}
 * blocks that Stage View and Pipeline Graph View show. Every step it calls is one of the plugin's
 * Java steps or a standard Pipeline step; the script only lays them out.
 */
@Extension
public class ParallelAgentsVariable extends GlobalVariable {

  static final String NAME = "parallelAgents";
  private static final String SCRIPT_CLASS =
      "io.jenkins.plugins.parallelagents.jenkins.dsl.ParallelAgents";

  @NonNull
  @Override
  public String getName() {
    return NAME;
  }

  @NonNull
  @Override
  public Object getValue(@NonNull CpsScript script) throws Exception {
    Binding binding = script.getBinding();
    if (binding.hasVariable(NAME)) {
      return binding.getVariable(NAME);
    }
    // A constructor, not a method: a method here would have to be @NonCPS.
    Object value =
        script
            .getClass()
            .getClassLoader()
            .loadClass(SCRIPT_CLASS)
            .getConstructor(CpsScript.class, String.class)
            .newInstance(script, Jenkins.get().getSelfLabel().getExpression());
    binding.setVariable(NAME, value);
    return value;
  }

  /** Lets Pipeline load the plugin's own script, and no other file of the plugin. */
  @Extension
  public static class ScriptAllowlist extends GroovySourceFileAllowlist {

    private final String scriptUrl =
        ParallelAgentsVariable.class.getResource("ParallelAgents.groovy").toString();

    @Override
    public boolean isAllowed(String groovyResourceUrl) {
      return groovyResourceUrl.equals(scriptUrl);
    }
  }
}
