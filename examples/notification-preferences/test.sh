#!/bin/sh
# Builds the project with javac and runs every *Test class under src/test/java.
# Needs nothing but a JDK 17 (javac and java on the PATH) and a POSIX shell.
set -u
cd "$(dirname "$0")" || exit 1

command -v javac > /dev/null || {
  echo "test.sh needs a JDK 17 or newer: javac is not on the PATH"
  exit 1
}

# With a database of its own (environment.database in agents-plan.yaml), the migrations run on it
# first: one that PostgreSQL refuses fails the test.
if [ -n "${DATABASE_URL:-}" ]; then
  sh db/migrate.sh || {
    echo "the migrations failed"
    exit 1
  }
fi

classes=build/classes
rm -rf build
mkdir -p "$classes"
find src/main/java src/test/java -name '*.java' | sort > build/sources.txt
if ! javac -encoding UTF-8 -Xlint:all -d "$classes" @build/sources.txt; then
  echo "compilation failed"
  exit 1
fi

passed=0
failed=0
# Each test class is its own main: one JVM each, so one failure cannot hide another.
for source in $(find src/test/java -name '*Test.java' | sort); do
  class=$(echo "${source#src/test/java/}" | sed -e 's/\.java$//' -e 's|/|.|g')
  if java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classes" "$class"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
