#!/usr/bin/env bash
# Fleet benchmark: N real redis-servers (10 % under a steady write load, or all with --all-busy)
# polled by the standalone jar; prints CPU per poll, polls/s, ageMs percentiles, heap per shard and
# time to the first full sweep. See docs/BENCHMARKS.md.
#
#   bench/fleet.sh N [--all-busy] [--seconds S] [--min-interval 500ms] [--max-interval 3s]
#                    [--starts K] [--early-window 20-50]
#                    [--steady-after 120] [--java PATH] [--jvm-opts "..."] [--class-archive FILE|none] [--warmup S]
#                    [--age-seconds S] [--busy-ops OPS] [--quiet-cores C] [--quiet-wait S]
#                    [--jfr FILE] [--no-heap]
#   bench/fleet.sh 100
#   bench/fleet.sh 1000 --all-busy --min-interval 500ms
if [ "$#" -lt 1 ]; then
  sed -n '2,12p' "$0"
  exit 2
fi
source "$(dirname "$0")/common.sh"
bench_build
bench_run FleetBench "$@"
