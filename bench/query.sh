#!/usr/bin/env bash
# Query benchmark: the standalone jar with --shards components over --servers real redis-servers,
# queried by wrk (closed loop, keep-alive): one shard's full INFO, the same with 3 keys, one key of
# every shard. See docs/BENCHMARKS.md.
#
#   bench/query.sh [--shards 1000] [--servers 50] [--seconds 10] [--connections 16] [--threads 1]
#                  [--only PREFIX] [--quiet-cores C] [--quiet-wait S] [--jfr FILE]
source "$(dirname "$0")/common.sh"
if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get)"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
bench_build
bench_run QueryBench "$@"
