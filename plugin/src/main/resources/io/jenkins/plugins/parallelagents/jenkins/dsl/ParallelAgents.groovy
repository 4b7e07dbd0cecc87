package io.jenkins.plugins.parallelagents.jenkins.dsl

import org.jenkinsci.plugins.workflow.cps.CpsScript
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.jenkinsci.plugins.workflow.steps.SynchronousResumeNotSupportedException

/**
 * The stages of one agent run, laid out from the plan: "Plan", one stage per foundation task in
 * order, a "Tasks" stage holding one parallel branch per other task, whose stage starts when its
 * needs have ended and a slot is free (awaitAgentTask: woken by endAgentTask, never polled), then
 * "Merge & Test" (and, with approveBeforePublish, "Approve" and "Publish"). Each task runs on
 * its own node (the task's label, else the call's); results travel between nodes as stashed
 * hand-offs (a git bundle and the task's report).
 *
 * Only layout lives here; every piece of work is a plugin step (readAgentPlan, awaitAgentTask,
 * agentTask, endAgentTask, mergeAgentBranches, publishAgentBranch) or a standard Pipeline step.
 */
class ParallelAgents implements Serializable {

    private static final long serialVersionUID = 1L

    private final CpsScript script

    /** The built-in node's own label, as a label expression names it ({@code built-in}). */
    private final String builtIn

    ParallelAgents(CpsScript script, String builtIn) {
        this.script = script
        this.builtIn = builtIn
    }

    /**
     * Options: plan (default 'agents-plan.yaml'), label (node label for every stage, default any
     * node but the built-in one), labels (the labels the plan's tasks may name), allowBuiltIn
     * (stages may run on the built-in node), approveBeforePublish (a person approves the tested
     * commit before it is pushed), approvers (who may: Jenkins' input submitter),
     * trustPlanChanges (a pull request from a contributor the job trusts may change the plan),
     * publishPullRequests (a pull request build, never one
     * from a fork, pushes its result), credentialsId (to push the result), checkout (true:
     * 'checkout scm' on each node; false: the workspace already holds the repository; or a
     * closure that checks it out).
     * The optional closure is the agent: it runs in the task's worktree with AGENT_* set and gets
     * the task (id, title, needs, label, agent) as its argument.
     */
    def call(Map args = [:], Closure agent = null) {
        return run(args, agent)
    }

    /** parallelAgents { task -> ... }: the default plan, the block as the agent. */
    def call(Closure agent) {
        return run([:], agent)
    }

    private def run(Map args, Closure agent) {
        String planFile = args.plan ?: 'agents-plan.yaml'
        String label = args.label
        boolean allowBuiltIn = args.allowBuiltIn == true
        def checkout = args.containsKey('checkout') ? args.checkout : true
        Map outline = null
        script.stage('Plan') {
            // The same expression readAgentPlan gives the other stages (NodeLabels.forStage).
            onNode(allowBuiltIn ? label : (label ? "(${label}) && !${builtIn}" : "!${builtIn}")) {
                checkOut(checkout)
                outline = script.readAgentPlan(file: planFile, label: label, labels: args.labels,
                        allowBuiltIn: allowBuiltIn, trustPlanChanges: args.trustPlanChanges == true)
            }
        }
        // stopped: what stopped the run before its merge, an interruption other than a timeout
        // inside a task's agent (the build aborted, a node, checkout or stash interrupted).
        Map progress = [stashed: [:], stopped: null, interruption: null, failure: null]
        boolean foundationDone = true
        for (String foundationId : (List<String>) outline.foundation) {
            String id = foundationId
            if (!foundationDone || progress.stopped != null) {
                skippedStage(id, progress.stopped != null
                        ? "the run was stopped" : "an earlier foundation task did not succeed")
                continue
            }
            foundationDone =
                    isDone(runStage(outline, (Map) outline.tasks[id], label, checkout, agent, progress))
        }
        List<String> fanOut = (List<String>) outline.fanOut
        if (foundationDone && progress.stopped == null && !fanOut.isEmpty()) {
            Map branches = [:]
            for (String fanOutId : fanOut) {
                String id = fanOutId
                Map task = (Map) outline.tasks[id]
                branches[id] = {
                    fanOutBranch(outline, task, label, checkout, agent, progress)
                }
            }
            try {
                script.stage('Tasks') {
                    script.parallel(branches)
                }
            } catch (FlowInterruptedException e) {
                stop(progress, e)
            } catch (Exception e) {
                // A branch that failed outside its task's record: the merge still reports.
                progress.failure = e
            }
        }
        Map merged = mergeAndPublish(outline, args, checkout, progress)
        if (progress.interruption != null) {
            throw (Throwable) progress.interruption
        }
        if (progress.failure != null) {
            throw (Throwable) progress.failure
        }
        return merged
    }

    /**
     * Merge & Test: merges and tests (or, for a stopped run, only writes the reports), then
     * publishes; with approveBeforePublish, a person approves first, holding no executor.
     */
    private Map mergeAndPublish(Map outline, Map args, def checkout, Map progress) {
        Map merged = null
        String reports = outline.reports
        boolean approve = args.approveBeforePublish == true
        String mergeNode = null
        String mergeWorkspace = null
        script.stage('Merge & Test') {
            onNodeAgain((String) outline.node) {
                checkOut(checkout)
                // Only what a task handed off: a task whose node failed before it has no stash.
                for (String id : (List<String>) outline.foundation) {
                    unstashTask(outline, id, progress.stashed)
                }
                for (String id : (List<String>) outline.fanOut) {
                    unstashTask(outline, id, progress.stashed)
                }
                boolean again = false
                try {
                    merged = script.mergeAgentBranches(stopped: progress.stopped)
                    if (progress.stopped == null && !approve) {
                        publish(args)
                    }
                    mergeNode = script.env.NODE_NAME
                    mergeWorkspace = script.pwd()
                } catch (SynchronousResumeNotSupportedException e) {
                    // Run again after a restart: its tests are recorded by the run that ends.
                    again = true
                    throw e
                } finally {
                    script.archiveArtifacts(artifacts: "${reports}/**", allowEmptyArchive: true)
                    if (!again) {
                        // Merge and test, and the tasks that never handed off: the others were
                        // recorded in their own stages.
                        script.junit(testResults: "${reports}/junit-merge.xml",
                                allowEmptyResults: true)
                    }
                }
            }
        }
        if (approve && progress.stopped == null) {
            script.stage('Approve') {
                script.input(message: "Publish the tested commit ${merged.commit} to " +
                        "${merged.target}? The run: ${script.env.BUILD_URL}parallel-agents/",
                        ok: 'Publish', submitter: args.approvers)
            }
            script.stage('Publish') {
                // Back in the merge's workspace, which holds the tested commit.
                script.node(mergeNode) {
                    // dir, not ws: ws would lock the folder anew and move to <folder>@2.
                    script.dir(mergeWorkspace) {
                        try {
                            publish(args)
                        } finally {
                            // The final reports; their tests were recorded in Merge & Test.
                            script.archiveArtifacts(artifacts: "${reports}/**",
                                    allowEmptyArchive: true)
                        }
                    }
                }
            }
        }
        return merged
    }

    private void publish(Map args) {
        script.publishAgentBranch(credentialsId: args.credentialsId,
                publishPullRequests: args.publishPullRequests == true)
    }

    /**
     * A fan-out task: waits (awaitAgentTask, no polling) until its needs have ended and a slot is
     * free, then runs; skipped when one of them did not succeed.
     */
    private void fanOutBranch(Map outline, Map task, String label, def checkout, Closure agent,
                              Map progress) {
        String id = task.id
        Map gate
        try {
            gate = script.awaitAgentTask(task: id)
        } catch (FlowInterruptedException e) {
            stop(progress, e)
            script.endAgentTask(task: id, status: 'CANCELLED',
                    reason: "the run was stopped while it waited: ${interruption(e)}")
            return
        } catch (Exception e) {
            script.endAgentTask(task: id, status: 'FAILED',
                    reason: "it could not wait for its needs: ${e.message}")
            throw e
        }
        if (gate.start && progress.stopped != null) {
            // Started as the run was being stopped: it does not run.
            script.endAgentTask(task: id, status: 'CANCELLED',
                    reason: "the run was stopped: ${progress.stopped}")
            return
        }
        if (!gate.start) {
            skippedStage(id, (String) gate.reason)
            return
        }
        runStage(outline, task, label, checkout, agent, progress)
    }

    /**
     * The task's stage, on its node. Whatever happens, the task's end is recorded: a failed agent
     * (its hand-off says why), an interrupted agent (CANCELLED, the run goes on), or a node,
     * checkout or stash that failed (FAILED) or was interrupted (CANCELLED, the run stops).
     * Returns how it ended.
     */
    private String runStage(Map outline, Map task, String label, def checkout, Closure agent,
                            Map progress) {
        String id = task.id
        Map end = [status: null, reason: null, stashed: false]
        String status = null
        try {
            script.stage(id) {
                script.catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') {
                    try {
                        runTask(outline, task, label, checkout, agent, end)
                    } catch (FlowInterruptedException e) {
                        if (end.status == null) {
                            end.status = 'CANCELLED'
                            end.reason = "its node was interrupted: ${interruption(e)}"
                        }
                        // Only a timeout inside the agent ends the task alone; anything else
                        // (the build aborted) stops the run.
                        if (end.status != 'CANCELLED' || !isTimeout(e)) {
                            stop(progress, e)
                        }
                        throw e
                    } catch (Exception e) {
                        if (end.status == null) {
                            end.status = 'FAILED'
                            end.reason = "its node, checkout or hand-off failed: ${e.message}"
                        }
                        throw e
                    }
                }
            }
        } finally {
            if (isDone(end.status) && !end.stashed) {
                // Its dependants would find nothing to take: it did not hand off.
                end.status = 'FAILED'
                end.reason = "its hand-off could not be stashed"
            }
            status = end.status ?: 'FAILED'
            progress.stashed[id] = end.stashed
            script.endAgentTask(task: id, status: status, reason: end.reason)
        }
        return status
    }

    /** The first interruption outside an agent stops the run: no merge, reports only. */
    private static void stop(Map progress, FlowInterruptedException e) {
        if (progress.stopped == null) {
            progress.stopped = interruption(e)
            progress.interruption = e
        }
    }

    /** A {@code timeout} step's interruption (inside the agent block, it ends the task only). */
    @NonCPS
    private static boolean isTimeout(FlowInterruptedException e) {
        return e.causes.any { it.getClass().name.endsWith('$ExceededTimeout') }
    }

    @NonCPS
    private static String interruption(FlowInterruptedException e) {
        List<String> causes = e.causes.collect { it.shortDescription }
        return causes.isEmpty() ? 'it was interrupted' : causes.join('; ')
    }

    /**
     * Runs the task on its node, stashes its hand-off and archives its logs there; sets the
     * task's end in {@code end}. A controller restart during a step that cannot resume (setup,
     * the plan's agent, commit and verify run inside one call on the node), or a node that goes
     * away, runs the task once more, from its base, on a node.
     */
    private void runTask(Map outline, Map task, String label, def checkout, Closure agent, Map end) {
        String id = task.id
        onNodeAgain((String) task.node) {
            end.status = null
            end.reason = null
            Throwable failed = null
            boolean again = false
            checkOut(checkout)
            for (String foundationId : (List<String>) outline.foundation) {
                if (foundationId == id) {
                    break
                }
                script.unstash(stashName(outline, foundationId))
            }
            for (String need : (List<String>) task.needs) {
                if (!((List<String>) outline.foundation).contains(need)) {
                    script.unstash(stashName(outline, need))
                }
            }
            try {
                Map outcome
                if (agent == null) {
                    outcome = script.planAgentTask(task: id)
                } else {
                    outcome = script.agentTask(task: id) {
                        agent.call(task)
                    }
                }
                end.status = outcome.status
            } catch (FlowInterruptedException e) {
                // The agent was interrupted (a timeout in the block): the task is CANCELLED and
                // the run goes on, unless the build itself is aborted.
                end.status = 'CANCELLED'
                end.reason = "its agent was interrupted: ${interruption(e)}"
                throw e
            } catch (SynchronousResumeNotSupportedException e) {
                again = true
                throw e
            } catch (Exception e) {
                end.status = 'FAILED'
                failed = e
            } finally {
                // Only the hand-off travels through the controller; the task's prompt, logs and
                // diff are archived from here.
                script.stash(name: stashName(outline, id), allowEmpty: true,
                        includes: "${outline.handoff}/${id}/**")
                end.stashed = true
                script.archiveArtifacts(artifacts: "${outline.reports}/tasks/${id}/**",
                        allowEmptyArchive: true)
                if (!again) {
                    // The task's own test case, shown in its stage (once: not for a try that
                    // runs again).
                    script.junit(testResults: "${outline.reports}/tasks/${id}/junit.xml",
                            allowEmptyResults: true)
                }
            }
            if (failed != null) {
                // The task failed (its hand-off says why): its stage is red, the run goes on.
                script.catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') {
                    throw failed
                }
            }
        }
    }

    /** A stage that did not run, shown as not built, with no error line. */
    private void skippedStage(String id, String why) {
        script.stage(id) {
            script.endAgentTask(task: id, status: 'SKIPPED', reason: why)
        }
    }

    private void unstashTask(Map outline, String id, Map stashed) {
        if (stashed[id] == true) {
            script.unstash(stashName(outline, id))
        }
    }

    private void checkOut(def checkout) {
        if (checkout instanceof Closure) {
            ((Closure) checkout).call()
        } else if (checkout) {
            script.checkout(script.scm)
        }
    }

    /** A node block run once more after a restart it cannot resume from, or a lost node. */
    private void onNodeAgain(String label, Closure body) {
        script.retry(count: 2, conditions: [script.nonresumable(), script.agent()]) {
            onNode(label, body)
        }
    }

    private void onNode(String label, Closure body) {
        if (label) {
            script.node(label) {
                body.call()
            }
        } else {
            script.node {
                body.call()
            }
        }
    }

    private static String stashName(Map outline, String id) {
        return "parallel-agents-${outline.runId}-${id}"
    }

    private static boolean isDone(def status) {
        return status == 'SUCCEEDED' || status == 'NO_CHANGES'
    }
}
