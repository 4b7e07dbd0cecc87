#!/bin/sh
# The parallel-agents command line in the CI image: the jar built from the repository.
exec java -jar /opt/parallel-agents/parallel-agents.jar "$@"
