#!/usr/bin/env bash
# The floor the engine is measured against: the same git work as a run of a fan-out plan, done by
# hand with the git command line and nothing else. A foundation task, then every other task in a
# worktree of its own (at most JOBS at once), each committed; then the task branches merged one by
# one with merge commits onto an integration worktree, and the target branch moved to the result.
#
#   baseline.sh REPO WORKDIR JOBS AGENT FOUNDATION TASK...
#
# AGENT is run as `AGENT <task-id>` inside the task's worktree, as the engine's plan runs it.
set -euo pipefail

if [ "${1:-}" = "--task" ]; then
  # One fan-out task, run by xargs below: fill the worktree, run the agent, commit what it left.
  shift
  work=$1 agent=$2 id=$3
  cd "$work/$id"
  git reset --hard --quiet
  $agent "$id"
  git add -A
  git commit --quiet --no-verify -m "$id (baseline)"
  exit 0
fi

repo=$1 work=$2 jobs=$3 agent=$4 foundation=$5
shift 5
prefix="baseline/$$"
base=$(git -C "$repo" rev-parse HEAD)

# The foundation: its own worktree from the base, the agent, a commit.
git -C "$repo" worktree add --quiet -b "$prefix/$foundation" "$work/$foundation" "$base"
(cd "$work/$foundation" && $agent "$foundation" && git add -A \
  && git commit --quiet --no-verify -m "$foundation (baseline)")
start=$(git -C "$work/$foundation" rev-parse HEAD)

# Worktree administration is serial in git (concurrent adds race on .git/worktrees), so the
# worktrees are registered one by one without a checkout; the checkouts then run in parallel.
for id in "$@"; do
  git -C "$repo" worktree add --quiet --no-checkout -b "$prefix/$id" "$work/$id" "$start"
done
printf '%s\n' "$@" | xargs -P "$jobs" -I{} "$0" --task "$work" "$agent" {}

# The merges, one branch at a time, in plan order.
git -C "$repo" worktree add --quiet -b "$prefix/_integration" "$work/_integration" "$start"
for id in "$@"; do
  git -C "$work/_integration" merge --quiet --no-ff --no-edit --no-verify \
    -m "Merge $id (baseline)" "$prefix/$id"
done
git -C "$repo" update-ref "refs/heads/$prefix/target" "$(git -C "$work/_integration" rev-parse HEAD)"
