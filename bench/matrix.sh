#!/usr/bin/env bash
# The fleets of issue 12, one after the other: 50, 200 and 1000 shards at 10 % busy and 500 all
# busy, intervals 0.5 s to 3 s (fleet.sh's default, as in the issue); prints one table of the
# figures users feel (first sweep, CPU per poll 20-50 s after start and at steady state, RSS,
# heap). Options go to every fleet.sh run, e.g.
#
#   bench/matrix.sh                         # the JVM options of the image and deploy/
#   bench/matrix.sh --jvm-opts ""           # the JVM's own defaults (as before stop 15)
#   bench/matrix.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --seconds 20
set -euo pipefail
cd "$(dirname "$0")/.."
out="target/bench/matrix.$$.txt"
mkdir -p target/bench
: > "$out"
run() {
  echo "== bench/fleet.sh $*" >&2
  bench/fleet.sh "$@" | tee -a "$out" >&2
  export BENCH_NO_BUILD=1 # one build is enough
}
run 50 --no-heap --age-seconds 2 "$@"
run 200 --no-heap --age-seconds 2 "$@"
run 1000 --no-heap --age-seconds 2 "$@"
run 500 --all-busy --no-heap --age-seconds 2 "$@"
echo
echo "| fleet | first sweep (s) | failed polls | CPU/poll 20-50 s (us) | cores 20-50 s | CPU/poll steady (us) | cores steady | RSS / peak (MiB) | heap used / committed |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
grep '^RESULT ' "$out" | while read -r _ fields; do
  declare -A r=()
  for kv in $fields; do r[${kv%%=*}]=${kv#*=}; done
  fleet="${r[n]} $([ "${r[allBusy]}" = true ] && echo "all busy" || echo "10 % busy")"
  echo "| $fleet | ${r[sweep]} | ${r[failed]//_/ } | ${r[earlyUs]} | ${r[earlyCores]} | ${r[steadyUs]} | ${r[steadyCores]} | ${r[rss]} / ${r[peakRss]} | ${r[heap]//_/ } |"
done
