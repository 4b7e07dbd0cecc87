#!/bin/sh
# A deterministic stand-in for a coding agent, used by the demo.
#
# Usage: sh .agents/scripted-agent.sh TASK
#
# Run by the engine in the task's worktree. It checks that it was started the way every agent
# is (AGENT_TASK_ID, AGENT_PROMPT, AGENT_PROMPT_FILE), then writes the files of
# .agents/changes/TASK/ into the worktree, as a coding agent would write them.
# It does not commit: the engine commits what an agent leaves behind.
set -eu

fail() {
  echo "scripted-agent: $*" >&2
  exit 1
}

[ $# -eq 1 ] || fail "usage: sh .agents/scripted-agent.sh TASK"
task=$1

[ "${AGENT_TASK_ID:-}" = "$task" ] ||
  fail "AGENT_TASK_ID is '${AGENT_TASK_ID:-}', but this agent was started for task '$task'"
[ -n "${AGENT_PROMPT:-}" ] || fail "AGENT_PROMPT is empty: the task has no prompt to work from"
[ -n "${AGENT_PROMPT_FILE:-}" ] || fail "AGENT_PROMPT_FILE is not set"
[ -f "$AGENT_PROMPT_FILE" ] || fail "AGENT_PROMPT_FILE names '$AGENT_PROMPT_FILE', which does not exist"

changes="$(cd "$(dirname "$0")" && pwd)/changes/$task"
[ -d "$changes" ] || fail "no scripted changes for task '$task' (looked in $changes)"

echo "scripted-agent: task '$task', prompt of $(wc -l < "$AGENT_PROMPT_FILE" | tr -d ' ') lines"
echo "scripted-agent: working in $(pwd)"
# A real agent thinks for minutes; this one pauses a little (SCRIPTED_AGENT_SECONDS, default 2)
# so that the tasks visibly run side by side.
sleep "${SCRIPTED_AGENT_SECONDS:-2}"
(cd "$changes" && find . -type f | sed 's|^\./||' | sort) | while read -r file; do
  mkdir -p "$(dirname "$file")"
  cp "$changes/$file" "$file"
  echo "scripted-agent: wrote $file"
done
