#!/usr/bin/env bash
# Regenerates the INFO fixtures of this folder from real redis-server processes.
#
#   src/test/resources/info/capture.sh
#
# Starts throw-away servers on free loopback ports (nothing is persisted: --save '' and no AOF),
# drives them with redis-cli, saves `INFO everything` exactly as the server sent it (CRLF line
# ends) and stops the servers again. Needs redis-server and redis-cli on the PATH.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Hltn "sport = :$port" | grep -q .; then
      echo "$port"
      return
    fi
  done
}

# start PORT EXTRA_ARGS...: a server in the foreground of a background job; waits for PING.
start() {
  local port="$1"
  shift
  mkdir -p "$work/$port"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --dir "$work/$port" --logfile "$work/$port/log" "$@" &
  pids+=("$!")
  for _ in $(seq 1 100); do
    if redis-cli -p "$port" PING >/dev/null 2>&1; then return; fi
    sleep 0.1
  done
  echo "redis-server on port $port did not start" >&2
  exit 1
}

cli() {
  local port="$1"
  shift
  redis-cli -p "$port" "$@"
}

# capture PORT FILE: INFO everything with the server's own CRLF line ends (redis-cli's --no-raw
# output would quote it, raw output keeps the reply text as sent).
capture() {
  cli "$1" --raw INFO everything >"$here/$2.tmp"
  # redis-cli --raw prints the bulk string followed by a newline of its own.
  python3 - "$here/$2.tmp" "$here/$2" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
if data.endswith(b'\n') and not data.endswith(b'\r\n'):
    data = data[:-1]
data = data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
open(sys.argv[2], 'wb').write(data)
EOF
  rm -f "$here/$2.tmp"
}

# A master with one replica attached, and that replica.
master=$(free_port)
start "$master"
replica=$(free_port)
while [ "$replica" = "$master" ]; do replica=$(free_port); done
start "$replica" --replicaof 127.0.0.1 "$master"
for _ in $(seq 1 100); do
  if cli "$replica" INFO replication | grep -q 'master_link_status:up' &&
    cli "$master" INFO replication | grep -q 'slave0:.*state=online'; then
    break
  fi
  sleep 0.1
done
cli "$master" SET greeting hello >/dev/null
cli "$master" INCR counter >/dev/null
cli "$master" WAIT 1 2000 >/dev/null
capture "$master" redis7-master.txt
capture "$replica" redis7-replica.txt

# A server with keys in several databases, command and error statistics, latency percentiles.
busy=$(free_port)
while [ "$busy" = "$master" ] || [ "$busy" = "$replica" ]; do busy=$(free_port); done
start "$busy"
for i in $(seq 1 20); do cli "$busy" SET "key:$i" "value $i" >/dev/null; done
for i in $(seq 1 5); do cli "$busy" SET "ttl:$i" "v" EX 3600 >/dev/null; done
cli "$busy" -n 3 MSET a 1 b 2 c 3 >/dev/null
cli "$busy" -n 3 EXPIRE a 600 >/dev/null
cli "$busy" -n 9 RPUSH queue x y z >/dev/null
cli "$busy" -n 9 HSET user:1 name ada lang en >/dev/null
for i in $(seq 1 10); do cli "$busy" GET "key:$i" >/dev/null; done
for i in $(seq 1 4); do cli "$busy" GET "missing:$i" >/dev/null; done
cli "$busy" INCR key:1 >/dev/null || true       # ERR value is not an integer
cli "$busy" LPUSH key:2 x >/dev/null || true     # WRONGTYPE
cli "$busy" NOSUCHCOMMAND >/dev/null || true     # ERR unknown command
cli "$busy" CONFIG SET latency-tracking-info-percentiles "50 99 99.9" >/dev/null
capture "$busy" redis7-keyspace-stats.txt

# A server with a memory limit.
limited=$(free_port)
while [ "$limited" = "$master" ] || [ "$limited" = "$replica" ] || [ "$limited" = "$busy" ]; do
  limited=$(free_port)
done
start "$limited" --maxmemory 64mb --maxmemory-policy allkeys-lru
cli "$limited" SET k v >/dev/null
capture "$limited" redis7-maxmemory.txt

echo "captured into $here"
