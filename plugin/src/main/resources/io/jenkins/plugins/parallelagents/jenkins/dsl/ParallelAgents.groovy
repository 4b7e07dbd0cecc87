package io.jenkins.plugins.parallelagents.jenkins.dsl

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * The stages of one agent run, laid out from the plan: "Plan", one stage per foundation task in
 * order, one parallel branch per other task whose stage starts when its needs are done, then
 * "Merge & Test". Each task runs on its own node (the task's label, else the call's); results
 * travel between nodes as stashed hand-offs (a git bundle and the task's report).
 *
 * Only layout lives here; every piece of work is a plugin step (readAgentPlan, agentTask,
 * mergeAgentBranches, publishAgentBranch) or a standard Pipeline step.
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
     * (stages may run on the built-in node), trustPlanChanges (a pull request from a contributor
     * the job trusts may change the plan), publishPullRequests (a pull request build, never one
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
        Map results = [:]
        boolean foundationDone = true
        for (String foundationId : (List<String>) outline.foundation) {
            String id = foundationId
            Map task = (Map) outline.tasks[id]
            if (!foundationDone) {
                skippedStage(id, "an earlier foundation task did not succeed")
                results[id] = 'SKIPPED'
                continue
            }
            try {
                script.stage(id) {
                    results[id] = runTask(outline, task, label, checkout, agent)
                }
            } finally {
                recordFailureIfUnfinished(results, id)
            }
            foundationDone = isDone(results[id])
        }
        List<String> fanOut = (List<String>) outline.fanOut
        if (foundationDone && !fanOut.isEmpty()) {
            Map branches = [:]
            for (String fanOutId : fanOut) {
                String id = fanOutId
                Map task = (Map) outline.tasks[id]
                branches[id] = {
                    fanOutBranch(outline, task, label, checkout, agent, results)
                }
            }
            script.parallel(branches)
        }
        Map merged = null
        String reports = outline.reports
        script.stage('Merge & Test') {
            onNode((String) outline.node) {
                checkOut(checkout)
                for (String id : (List<String>) outline.foundation) {
                    unstashTask(outline, id, results)
                }
                for (String id : fanOut) {
                    unstashTask(outline, id, results)
                }
                try {
                    merged = script.mergeAgentBranches()
                    script.publishAgentBranch(credentialsId: args.credentialsId,
                            publishPullRequests: args.publishPullRequests == true)
                } finally {
                    script.archiveArtifacts(artifacts: "${reports}/**", allowEmptyArchive: true)
                    script.junit(testResults: "${reports}/junit.xml", allowEmptyResults: true)
                }
            }
        }
        return merged
    }

    /** A fan-out task: waits for its needs, then runs; skipped when one of them did not succeed. */
    private void fanOutBranch(Map outline, Map task, String label, def checkout, Closure agent,
                              Map results) {
        List<String> needs = (List<String>) task.needs
        script.waitUntil(initialRecurrencePeriod: 500, quiet: true) {
            allFinished(needs, results)
        }
        String blocker = firstNotDone(needs, results)
        String failed = outline.failFast ? firstFailed(results) : null
        if (blocker != null || failed != null) {
            results[task.id] = 'SKIPPED'
            skippedStage(task.id, blocker != null
                    ? "it needs '${blocker}', which did not succeed"
                    : "task '${failed}' did not succeed and the plan sets failFast")
            return
        }
        try {
            script.stage(task.id) {
                results[task.id] = runTask(outline, task, label, checkout, agent)
            }
        } finally {
            // A node, checkout or stash that failed outside the task still ends it, so that
            // the tasks waiting for it are skipped rather than left waiting for ever.
            recordFailureIfUnfinished(results, (String) task.id)
        }
    }

    private static void recordFailureIfUnfinished(Map results, String id) {
        if (!results.containsKey(id)) {
            results[id] = 'FAILED'
        }
    }

    /** Runs the task on its node and stashes its hand-off; returns its status. */
    private String runTask(Map outline, Map task, String label, def checkout, Closure agent) {
        String status = 'FAILED'
        String id = task.id
        onNode((String) task.node) {
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
                script.catchError(buildResult: 'FAILURE', stageResult: 'FAILURE',
                        catchInterruptions: false) {
                    Map outcome
                    if (agent == null) {
                        outcome = script.planAgentTask(task: id)
                    } else {
                        outcome = script.agentTask(task: id) {
                            agent.call(task)
                        }
                    }
                    status = outcome.status
                }
            } finally {
                script.stash(name: stashName(outline, id), allowEmpty: true,
                        includes: "${outline.handoff}/${id}/**,${outline.reports}/tasks/${id}/**")
            }
        }
        return status
    }

    /** A stage that did not run, shown as not built rather than as a green stage. */
    private void skippedStage(String id, String why) {
        script.stage(id) {
            script.catchError(buildResult: 'SUCCESS', stageResult: 'NOT_BUILT') {
                script.error("Skipped: ${why}")
            }
        }
    }

    private void unstashTask(Map outline, String id, Map results) {
        if (results[id] != null && results[id] != 'SKIPPED') {
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

    private static boolean allFinished(List<String> needs, Map results) {
        for (String need : needs) {
            if (!results.containsKey(need)) {
                return false
            }
        }
        return true
    }

    private static String firstFailed(Map results) {
        for (def entry : results.entrySet()) {
            if (entry.value != 'SKIPPED' && !isDone(entry.value)) {
                return entry.key
            }
        }
        return null
    }

    private static String firstNotDone(List<String> needs, Map results) {
        for (String need : needs) {
            if (!isDone(results[need])) {
                return need
            }
        }
        return null
    }
}
