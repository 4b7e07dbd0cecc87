package io.jenkins.plugins.parallelagents.jenkins;

/**
 * The plans the pipeline tests run, each committed as {@code agents-plan.yaml} in the sample
 * repository. Agents are shell lines: each writes a file named after its task, so that the combined
 * branch shows which tasks made it.
 */
final class SamplePlans {

  private SamplePlans() {}

  /** The label of the node that the plan of {@link #FEATURE} sends its task 'worker' to. */
  static final String BIG = "big";

  /**
   * A foundation task, then three tasks in parallel, one of which needs another. The agent writes
   * {@code <task>.txt} holding the task id and the node it ran on; 'worker' asks for a node
   * labelled {@value #BIG}; 'page' checks that the work of 'api' was merged in before it started.
   */
  static final String FEATURE =
      """
      version: 1
      name: feature
      target: agents/feature
      agents:
        write:
          command: 'echo "$AGENT_TASK_ID on $NODE_NAME" > "$AGENT_TASK_ID.txt"'
      defaults:
        agent: write
        timeout: 5m
      tasks:
        - id: schema
          title: The schema
          foundation: true
          prompt: Add the schema.
        - id: api
          needs: [schema]
          prompt: Add the endpoint.
          verify: test -f schema.txt
        - id: worker
          needs: [schema]
          label: big
          prompt: Add the worker.
        - id: page
          needs: [api]
          prompt: Add the page.
          verify: test -f api.txt
      test:
        command: test -f schema.txt && test -f api.txt && test -f worker.txt && test -f page.txt
      publish:
        remote: origin
      """;

  /** Tasks without an agent profile: the pipeline's block is their agent. */
  static final String BLOCK =
      """
      version: 1
      name: block
      target: agents/block
      tasks:
        - id: api
          prompt: Add the endpoint.
        - id: worker
          prompt: Add the worker.
        - id: page
          needs: [api]
          prompt: Add the page.
      test:
        command: test -f api.txt && test -f worker.txt && test -f page.txt
      publish:
        remote: origin
      """;

  /** Two block tasks, and only the newest run kept on a node. */
  static final String RETENTION =
      """
      version: 1
      name: retention
      target: agents/retention
      tasks:
        - id: api
          prompt: Add the endpoint.
        - id: web
          prompt: Add the page.
      publish:
        remote: origin
        force: true
      cleanup:
        keepRuns: 1
      """;

  /** Two tasks that create the same file with different content. */
  static final String CONFLICT =
      """
      version: 1
      name: conflict
      target: agents/conflict
      agents:
        write:
          command: 'echo "$AGENT_TASK_ID" > shared.txt'
      defaults:
        agent: write
      tasks:
        - id: left
          prompt: Write the shared file your way.
        - id: right
          prompt: Write the shared file your way.
      publish:
        remote: origin
      """;

  /** A typo in a key and a need that names no task. */
  static final String BAD =
      """
      version: 1
      name: bad-plan
      agents:
        write:
          command: 'echo "$AGENT_TASK_ID" > "$AGENT_TASK_ID.txt"'
      defaults:
        agent: write
      tasks:
        - id: migration
          foundation: true
          prompt: Add the table.
        - id: api
          needs: [migraton]
          atempts: 2
          prompt: Add the endpoint.
      """;

  /** What reading {@link #BAD} reports, one line each, as {@code file:line:column: message}. */
  static final String[] BAD_PROBLEMS = {
    "agents-plan.yaml:13:13: task 'api' needs 'migraton', which is not a task"
        + " (did you mean 'migration'?)",
    "agents-plan.yaml:14:5: task 'api': unknown key 'atempts' (did you mean 'attempts'?)"
  };

  /** Two tasks, one needing the other, run by the plan's agent: for the step-by-step pipeline. */
  static final String STEPS =
      """
      version: 1
      name: steps
      target: agents/steps
      agents:
        write:
          command: 'echo "$AGENT_TASK_ID" > "$AGENT_TASK_ID.txt"'
      defaults:
        agent: write
      tasks:
        - id: api
          prompt: Add the endpoint.
        - id: web
          needs: [api]
          prompt: Add the page.
          verify: test -f api.txt
      test:
        command: test -f api.txt && test -f web.txt
      publish:
        remote: origin
      """;

  /**
   * One task whose setup, agent and verify, and the merge's test, each show the {@code DECORATED}
   * variable that a launcher decoration sets: setup leaves it in {@code setup-saw}, the agent
   * writes it to {@code agent.txt} and copies setup's to {@code setup.txt}, verify and test fail
   * without it. The test also prints a {@code $PATH} that the shell leaves alone, which Jenkins
   * must not expand either.
   */
  static final String DECORATED =
      """
      version: 1
      name: decorated
      target: agents/decorated
      agents:
        write:
          command: 'echo "$DECORATED" > agent.txt && cp setup-saw setup.txt'
      defaults:
        agent: write
      tasks:
        - id: api
          prompt: Add the endpoint.
          setup: 'echo "$DECORATED" > setup-saw'
          verify: 'test "$DECORATED" = yes'
      test:
        command: >-
          echo "test saw DECORATED=$DECORATED" && echo 'kept $PATH as written'
          && test "$DECORATED" = yes
      publish:
        remote: origin
      """;
}
