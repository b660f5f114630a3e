#!/usr/bin/env bash
# Builds the extension and the benchmarks, runs every scenario in one JMH run and prints the Markdown tables of
# docs/performance.md (also written to benchmarks/target/jmh/performance-table.md, raw results beside it as JSON).
#
#   benchmarks/run.sh [smoke|short|full] [extra Maven arguments, e.g. -Dmaven.repo.local=...]
#
# short (default): 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement per benchmark, about 6 minutes on 2 cores.
# full: 2 forks, 5 x 2 s + 5 x 2 s, about 25 minutes. smoke: a few seconds per benchmark, for development only.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-short}"
shift || true

./mvnw -B -q "$@" -Pbenchmarks install -pl benchmarks -am -DskipTests

jar=(benchmarks/target/quarkus-schematic-benchmarks-*-runner.jar)
java -cp "${jar[0]}" io.quarkiverse.schematic.benchmarks.BenchmarkMain "$mode" --out benchmarks/target/jmh

# bytes the caller's own thread allocates per open-breaker check, track and identify (JMH's B/op counts every thread);
# for track and identify the user's builder chain and the extension's part (bound: 150 B) apart, then together
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "${jar[0]}" io.quarkiverse.schematic.benchmarks.diagnostics.CallerAllocation 2>/dev/null | grep '^|\|^Allocated\|^$'

# heap retained per cached company (local evaluation), by heap difference under the serial collector
java -XX:+UseSerialGC -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "${jar[0]}" io.quarkiverse.schematic.benchmarks.scenarios.CompanyFootprint
