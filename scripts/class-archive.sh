#!/usr/bin/env bash
# Builds the class-data sharing archive of the jar: JAR's classes as a start-up loads them, read
# from a memory-mapped file at the next start instead of parsed and verified again (JDK 17 AppCDS,
# -XX:ArchiveClassesAtExit). With it the process reaches its first full sweep about 0.6 s sooner
# (docs/BENCHMARKS.md, "Class-data sharing").
#
#   scripts/class-archive.sh JAR ARCHIVE ["JVM options"]
#
# Run by `./mvnw package` (target/redis-info-operator.jsa) and by the Dockerfile inside the image
# (/app/redis-info-operator.jsa). The archive only fits the JVM build and the jar (path, size, time)
# it was made with; any other JVM ignores it (a one-line warning at most) and starts as without.
# Start with: java -XX:SharedArchiveFile=ARCHIVE [options] -jar JAR ...
#
# The training run: the standalone mode with one component and one address that refuse
# connections, plus a real redis-server when one is installed (connect, INFO, parsing), and a few
# HTTP requests, for about two seconds; then SIGTERM, a normal exit, which writes the archive.
set -euo pipefail
jar="$1"
archive="$2"
shift 2
# The options the archive will be used with (one string or several words): the archive is made
# with them, since some (the heap size through compressed pointers) decide whether it fits.
read -r -a jvm_options <<< "$*"
work="$(mktemp -d)"
server_pid=""
java_pid=""
cleanup() {
  [ -n "$java_pid" ] && kill "$java_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "${CLASS_ARCHIVE_KEEP_LOG:-}" ] && cp "$work/out.log" "$CLASS_ARCHIVE_KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { # a port nothing listens on, from $1 up (below the ephemeral range)
  local port
  for port in $(seq "$1" $(($1 + 49))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "$1"
}

addresses=(--redis "refused=127.0.0.1:$(free_port 17300)")
if command -v redis-server >/dev/null 2>&1; then
  port="$(free_port 17350)"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
  server_pid=$!
  addresses+=(--redis "real=127.0.0.1:$port")
fi
cat > "$work/components.yaml" <<YAML
apiVersion: redisinfo.io/v1alpha1
kind: RedisComponent
metadata: {name: training, namespace: default}
spec:
  purpose: cache
  endpoint: {host: 127.0.0.1, port: 1}
YAML

rm -f "$archive"
# The log exists before java does: the loop below reads it at once, and a sed that cannot read it
# fails the script (set -e, pipefail) when the background start is slow.
: > "$work/out.log"
java ${jvm_options[@]+"${jvm_options[@]}"} -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" standalone --http-port 0 --components "$work/components.yaml" \
  --min-interval 100ms --max-interval 200ms "${addresses[@]}" > "$work/out.log" 2>&1 &
java_pid=$!

http_port=""
for _ in $(seq 200); do
  http_port="$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$work/out.log" | head -1 || true)"
  [ -n "$http_port" ] && break
  kill -0 "$java_pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$http_port" ]; then
  echo "class-archive: the training run did not start:" >&2
  cat "$work/out.log" >&2
  exit 1
fi
get() { # HTTP/1.0 GET with bash alone (the image has no curl)
  exec 3<>"/dev/tcp/127.0.0.1/$http_port"
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  cat <&3 >/dev/null
  exec 3<&-
}
sleep 1
for path in /readyz /v1/shards /v1/info /v1/info?key=used_memory /v1/components /v1/directory \
  /v1/advisories /metrics /v1/info?shard=nope; do
  get "$path" || true
done
sleep 1
kill -TERM "$java_pid"
wait "$java_pid" || true
java_pid=""
if grep -q "is invalid and skipped" "$work/out.log"; then # the training must load what users load
  echo "class-archive: the training's component was refused:" >&2
  grep "is invalid and skipped" "$work/out.log" >&2
  exit 1
fi
if [ ! -s "$archive" ]; then
  echo "class-archive: no archive written; the training run said:" >&2
  cat "$work/out.log" >&2
  exit 1
fi
echo "class-archive: $archive ($(($(stat -c %s "$archive") / 1048576)) MiB)"
