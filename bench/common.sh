# Shared by the bench/ scripts: build the jar and the test classpath, start a harness class,
# and stop whatever it started when the script ends. Source it; do not run it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work="target/bench"
mkdir -p "$work"
classpath_file="target/jmh-classpath.txt"

# The JVM options of the operator under test unless a harness is told otherwise: the ones the
# image and deploy/ use (DeployManifestsTest keeps them the same).
export BENCH_OPERATOR_JVM_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -Xms48m -Xmx128m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=10000"

# BENCH_NO_BUILD=1 skips the (incremental) build.
bench_build() {
  if [ "${BENCH_NO_BUILD:-}" = 1 ] && [ -f "$classpath_file" ] && [ -f target/redis-info-operator.jar ]; then
    return
  fi
  local goals=(package dependency:build-classpath -DskipTests
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test)
  ./mvnw -q -B -o "${goals[@]}" 2>/dev/null || ./mvnw -q -B "${goals[@]}"
}

# Many servers, connections and pipes: raise the open-file limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

harness_pid=""
pid_file="$work/redis.$$.pids"
bench_cleanup() {
  if [ -n "$harness_pid" ] && kill -0 "$harness_pid" 2>/dev/null; then
    kill "$harness_pid" 2>/dev/null || true   # its shutdown hook stops its children
    wait "$harness_pid" 2>/dev/null || true
  fi
  # If the harness died hard, its redis-servers are still listed here.
  if [ -f "$pid_file" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$pid_file"
    rm -f "$pid_file"
  fi
}
trap bench_cleanup EXIT INT TERM

# bench_run CLASS ARGS...: runs a harness class from the test classpath in the background and
# waits for it, so that the trap can stop it.
bench_run() {
  local class="$1"
  shift
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
    "io.redisinfo.bench.$class" --pid-file "$pid_file" "$@" &
  harness_pid=$!
  wait "$harness_pid"
}
