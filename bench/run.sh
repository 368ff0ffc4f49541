#!/usr/bin/env bash
# Benchmark of the offline plan: cold/warm per stack against the floor, and the start-up path.
# Not part of `./mvnw test`. Usage: bench/run.sh   (from anywhere; runs in the project directory)
# Tunables: BENCH_OPTS="-Dbench.cold=5 -Dbench.warm=20 -Dbench.warmup=5 -Dbench.startup=3"
set -euo pipefail
cd "$(dirname "$0")/.."
echo "bench: building planner/target/multiregion-plan.jar and the benchmark classes..." >&2
./mvnw -q -DskipTests package
./mvnw -q test-compile
java ${BENCH_OPTS:-} -cp "planner/target/test-classes:planner/target/multiregion-plan.jar" \
  io.multiregion.plan.bench.PlanBenchmark
