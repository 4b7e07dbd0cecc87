#!/bin/sh
# Setup time of N trees with the plan's cache against N cold `npm ci`, offline: a project whose
# dependencies are local tarballs. Prints one line per variant. Usage: bench/setup-cache.sh [N] [PACKAGES]
set -eu
N=${1:-4}
PACKAGES=${2:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pkgs" "$work/project"
deps=""
i=0
while [ "$i" -lt "$PACKAGES" ]; do
  p="$work/src/dep$i"
  mkdir -p "$p/lib"
  printf '{"name":"dep%s","version":"1.0.0","main":"lib/index.js"}\n' "$i" > "$p/package.json"
  # some bulk per package, as real modules have
  j=0
  while [ "$j" -lt 50 ]; do
    head -c 4096 /dev/urandom | base64 > "$p/lib/f$j.js"
    j=$((j + 1))
  done
  echo "module.exports = $i;" > "$p/lib/index.js"
  (cd "$work/pkgs" && npm pack --silent "$p" > /dev/null)
  deps="$deps\"dep$i\":\"file:../pkgs/dep$i-1.0.0.tgz\","
  i=$((i + 1))
done
printf '{"name":"app","version":"1.0.0","dependencies":{%s}}\n' "${deps%,}" > "$work/project/package.json"
(cd "$work/project" && npm install --silent --offline --no-audit --no-fund > /dev/null && rm -rf node_modules)

now() { date +%s%N; }
tree() { rm -rf "$work/t$1"; cp -r "$work/project" "$work/t$1"; }

# cold: every tree runs npm ci on its own
t0=$(now)
k=1; while [ "$k" -le "$N" ]; do tree "$k"; (cd "$work/t$k" && npm ci --silent --offline --no-audit --no-fund > /dev/null); k=$((k + 1)); done
cold=$(( ($(now) - t0) / 1000000 ))

# cached (recipe `paths: [node_modules]`, `setup: test -d node_modules || npm ci`): the first tree
# installs and is saved, the others get a copy (cp -a: what the cache does, a copy per tree)
t0=$(now)
tree 1; (cd "$work/t1" && npm ci --silent --offline --no-audit --no-fund > /dev/null)
cp -a "$work/t1/node_modules" "$work/entry"
k=2; while [ "$k" -le "$N" ]; do tree "$k"; cp -a "$work/entry" "$work/t$k/node_modules"; (cd "$work/t$k" && test -d node_modules); k=$((k + 1)); done
cached=$(( ($(now) - t0) / 1000000 ))

files=$(find "$work/t1/node_modules" -type f | wc -l)
echo "setup of $N trees, $PACKAGES packages ($files files in node_modules):"
echo "  cold npm ci in every tree:         ${cold} ms"
echo "  cache (node_modules copied back):  ${cached} ms"
