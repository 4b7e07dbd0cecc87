# The child pipeline of a run, from `parallel-agents outline --format json`: a job per task and
# the finish job. JSON is YAML, so GitLab reads jq's output as it is.
#
# Each task job needs the start (from the parent pipeline's outline job), the foundation's jobs
# and its needs' jobs; it keeps its hand-off in handoffs/<task>/ even when it fails, and runs even
# when a job it needs failed: its hand-off then says why it could not start, for the report.
# Secrets (ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY) come from the project's masked
# CI/CD variables; PUSH_TOKEN (a project access token with write_repository) lets finish push.

def job($task): "task:" + $task;

def start: {pipeline: "$PARENT_PIPELINE_ID", job: "outline", artifacts: true};

.foundation as $foundation
| (.tasks | map({key: .id, value: .}) | from_entries) as $tasks
| {
    default: {image: $image},
    variables: {GIT_DEPTH: "0"},
    stages: ["foundation", "tasks", "finish"]
  }
+ (
    .tasks
    | map({
        key: job(.id),
        value: {
          stage: (if .foundation then "foundation" else "tasks" end),
          needs: (
            [start]
            + (if .foundation
               then (.id as $id | [$foundation[: ($foundation | index($id))][] | {job: job(.), artifacts: true}])
               else [$foundation[] | {job: job(.), artifacts: true}]
                    + [.needs[] | select($tasks[.].foundation | not) | {job: job(.), artifacts: true}]
               end)
          ),
          when: "always",
          variables: {TASK: .id},
          script: [
            "mkdir -p handoffs",
            "parallel-agents task \"$TASK\" --start start --handoff handoffs --out \"handoffs/$TASK\""
          ],
          artifacts: {when: "always", paths: ["handoffs/" + .id + "/"]}
        }
      })
    | from_entries
  )
+ {
    finish: {
      stage: "finish",
      needs: ([start] + [.tasks[] | {job: job(.id), artifacts: true}]),
      when: "always",
      before_script: [
        "if [ -n \"$PUSH_TOKEN\" ]; then git remote set-url origin \"https://oauth2:${PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git\"; fi"
      ],
      script: [
        "mkdir -p handoffs",
        "parallel-agents finish --start start --handoff handoffs --out reports"
      ],
      artifacts: {
        when: "always",
        paths: ["reports/"],
        reports: {junit: "reports/junit.xml"}
      }
    }
  }
