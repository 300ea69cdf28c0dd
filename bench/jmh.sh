#!/usr/bin/env bash
# Runs the JMH benchmarks of src/test/java/io/redisinfo/bench from the test classpath.
#
#   bench/jmh.sh                         # InfoParserBenchmark, 1 fork, 3 warm-up + 5 iterations
#   bench/jmh.sh InfoParserBenchmark -f 2 -wi 5 -i 10    # any JMH arguments
#
# Works offline once maven-dependency-plugin is in the local repository; the first run fetches it.
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file="target/jmh-classpath.txt"
build() {
  ./mvnw -q -B "$@" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
}
build -o 2>/dev/null || build

if [ "$#" -eq 0 ]; then
  set -- InfoParserBenchmark -f 1 -wi 3 -i 5
fi
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main "$@"
