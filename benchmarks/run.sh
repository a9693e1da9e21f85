#!/usr/bin/env bash
# Builds the benchmark harness from this checkout (never from ~/.m2 snapshots) and runs it. See BENCHMARKS.md.
#   benchmarks/run.sh --all                    every scenario at full size -> benchmarks/results/<run>.json and .md
#   benchmarks/run.sh p2 p3                    some scenarios
#   benchmarks/run.sh --smoke --all            seconds, to check that the harness works
#   benchmarks/run.sh p7 --set p7Streams=200   any size of Scale overridden
#   BENCH_SKIP_BUILD=1 benchmarks/run.sh ...   reuse the last build
#   BENCH_JAVA_OPTS="-XX:G1HeapRegionSize=8m" benchmarks/run.sh ...   options of the subject JVM
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.camelbedrock.benchmarks.RunBenchmarks "$@"
