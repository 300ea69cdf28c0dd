#!/usr/bin/env bash
# The README's first command: a demo of standalone mode on this machine.
# Starts five local redis-servers (one of them busy, one with a password, two set up wrong for
# their purpose), runs redis-info-operator against them, and shows what it serves, advisories
# included. Ctrl-C stops everything.
# DEMO_SECONDS=N stops by itself after N seconds; DEMO_HTTP_PORT sets the API port (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/.demo"
HTTP_PORT="${DEMO_HTTP_PORT:-8080}"
BASE_PORT="${DEMO_REDIS_BASE_PORT:-7101}"
PIDS=()

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  say "Installing redis-server (Debian package)"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server redis-tools >/dev/null
fi

JAR="$ROOT/target/redis-info-operator.jar"
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  say "Building target/redis-info-operator.jar"
  ./mvnw -q -B -DskipTests package
fi

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 0' INT TERM

rm -rf "$WORK"; mkdir -p "$WORK/secrets/sessions-auth"
start_redis() { # port, extra args...
  local port=$1; shift
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
    --logfile "$WORK/redis-$port.log" "$@" &
  PIDS+=($!)
}
CACHE=$BASE_PORT; SESSIONS=$((BASE_PORT+1)); STATS=$((BASE_PORT+2)); ADHOC=$((BASE_PORT+3))
JOBS=$((BASE_PORT+4))
say "Starting redis-servers on ports $CACHE-$JOBS"
start_redis "$CACHE" --maxmemory 64mb --maxmemory-policy allkeys-lru
start_redis "$SESSIONS" --requirepass demo-password --maxmemory 64mb   # noeviction: right for sessions
start_redis "$STATS"                       # no maxmemory: advisory no-maxmemory (critical for stats)
start_redis "$ADHOC"
# A queue that evicts when full: advisory eviction-policy (critical: jobs would vanish silently)
start_redis "$JOBS" --maxmemory 32mb --maxmemory-policy allkeys-lru
printf 'demo-password' > "$WORK/secrets/sessions-auth/password"
for port in $CACHE $SESSIONS $STATS $ADHOC $JOBS; do
  for _ in $(seq 50); do redis-cli -p "$port" -a demo-password --no-auth-warning ping >/dev/null 2>&1 && break; sleep 0.1; done
done

cat > "$WORK/components.yaml" <<YAML
# The same documents you would apply to a cluster.
apiVersion: redisinfo.io/v1alpha1
kind: RedisComponent
metadata: {name: cache, namespace: shop}
spec:
  purpose: cache
  endpoint: {host: 127.0.0.1, port: $CACHE}
  polling: {minInterval: 500ms, maxInterval: 10s}
---
apiVersion: redisinfo.io/v1alpha1
kind: RedisComponent
metadata: {name: sessions, namespace: shop}
spec:
  purpose: session
  endpoint: {host: 127.0.0.1, port: $SESSIONS}
  auth: {passwordSecretRef: {name: sessions-auth, key: password}}
---
apiVersion: redisinfo.io/v1alpha1
kind: RedisComponent
metadata: {name: statistics, namespace: shop}
spec:
  purpose: stats
  endpoint: {host: 127.0.0.1, port: $STATS}
  config: {retentionDays: 30}
---
apiVersion: redisinfo.io/v1alpha1
kind: RedisComponent
metadata: {name: jobs, namespace: shop}
spec:
  purpose: queue
  endpoint: {host: 127.0.0.1, port: $JOBS}
YAML

say "Putting a steady load on the cache (redis-benchmark)"
redis-benchmark -p "$CACHE" -c 2 -P 4 -n 100000000 -r 10000 -t set,get -q >/dev/null 2>&1 &
PIDS+=($!)

# The JVM options the image and deploy/ use (docs/BENCHMARKS.md, "JVM options").
JVM_OPTIONS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -Xms48m -Xmx128m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=10000)
# The class-data archive the build made beside the jar (scripts/class-archive.sh): a faster start.
if [ -f "${JAR%.jar}.jsa" ]; then
  JVM_OPTIONS+=("-XX:SharedArchiveFile=${JAR%.jar}.jsa")
fi
say "Running: java ${JVM_OPTIONS[*]} -jar target/redis-info-operator.jar standalone --components .demo/components.yaml --redis adhoc=127.0.0.1:$ADHOC ..."
java "${JVM_OPTIONS[@]}" -jar "$JAR" standalone --http-port "$HTTP_PORT" \
  --components "$WORK/components.yaml" --secrets-dir "$WORK/secrets" \
  --redis "adhoc=127.0.0.1:$ADHOC" --min-interval 250ms --max-interval 5s \
  > "$WORK/operator.log" 2>&1 &
PIDS+=($!)
API="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 100); do curl -fs "$API/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$API/readyz" >/dev/null || { echo "not ready; log:"; cat "$WORK/operator.log"; exit 1; }
sleep 3 # let the busy shard's interval fall and the idle ones' rise

pretty() { if command -v python3 >/dev/null; then python3 -m json.tool; else cat; fi; }
say "curl $API/v1/shards   (the busy cache polls faster than the idle shards)"
curl -fs "$API/v1/shards" | pretty
say "curl '$API/v1/info?shard=shop/*&key=used_memory_human&key=instantaneous_ops_per_sec&key=db*'"
curl -fs "$API/v1/info?shard=shop/*&key=used_memory_human&key=instantaneous_ops_per_sec&key=db*" | pretty
say "curl '$API/v1/info?shard=adhoc&section=server&maxAgeMs=0'   (a fresh INFO, taken now)"
curl -fs "$API/v1/info?shard=adhoc&section=server&maxAgeMs=0" | pretty | sed -n "1,20p"
say "curl $API/v1/components/shop/sessions   (spec, status summary, Ready condition)"
curl -fs "$API/v1/components/shop/sessions" | pretty | sed -n "1,40p"
say "curl $API/v1/advisories   (what to change, judged by each component's purpose)"
curl -fs "$API/v1/advisories" | pretty
say "curl '$API/v1/advisories?severity=critical&component=shop/jobs'"
curl -fs "$API/v1/advisories?severity=critical&component=shop/jobs" | pretty
say "curl -i $API/v1/directory/shop/statistics   (how apps connect: no password, an ETag version)"
curl -si "$API/v1/directory/shop/statistics"; echo
say "curl -s $API/metrics | grep '^redis_up{'   (redis_exporter names)"
curl -fs "$API/metrics" | grep '^redis_up{' || true
say "curl -s $API/metrics | grep '^redisinfo_advisory'   (1 while an advisory is active)"
curl -fs "$API/metrics" | grep '^redisinfo_advisory' || true
say "curl '$API/v1/info?maxAgeMs=-1'   (a bad query: 400 with a detail)"
curl -s "$API/v1/info?maxAgeMs=-1" | pretty

cat <<EOF
The API stays up at $API until you press Ctrl-C. Try:
  curl $API/v1/shards
  curl '$API/v1/advisories?severity=critical'
  curl '$API/v1/info?shard=shop/cache&section=stats'
  curl '$API/v1/info?key=cmdstat_*'
  curl -H 'If-None-Match: "<version>"' '$API/v1/directory/shop/statistics?waitSeconds=30'
Logs: $WORK/operator.log
EOF
if [ -n "${DEMO_SECONDS:-}" ]; then sleep "$DEMO_SECONDS"; else wait; fi
