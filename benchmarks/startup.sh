#!/usr/bin/env bash
# Start-up cost of the extension: builds two packaged JVM apps with the same library stack (quarkus-rest-jackson,
# quarkus-rest-client-jackson, quarkus-smallrye-fault-tolerance, quarkus-caffeine), one without and one with
# quarkus-schematic, starts each N times, alternately, and prints median and spread of
#   - Quarkus' own "started in" figure,
#   - wall time from launching `java -jar` to the first answer of GET /hello, and the CPU time the JVM used until
#     then, in all and without the JIT compilers (less disturbed than wall time when other processes share the CPUs),
#   - resident memory (VmRSS) right after that answer, and the number of classes loaded then,
#   - (with the extension) the time of the first flag check, GET /hello/flag, Schematic being unreachable, and the
#     CPU time the JVM spent on it.
#
#   benchmarks/startup.sh [N] [extra Maven arguments, e.g. -Dmaven.repo.local=...]
#
# N defaults to 7. Environment: STARTUP_SKIP_BUILD=1 reuses the built apps; STARTUP_JAVA_OPTS adds JVM options to
# every start (e.g. -Xlog:class+load:file=...); STARTUP_WARMUP (default 1) unmeasured starts of each app first, so
# the first measured start does not pay for a cold file cache. Logs of every start: benchmarks/startup/target/logs/.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=7
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
warmup=${STARTUP_WARMUP:-1}
apps=(stack-only with-schematic)

if [[ -z ${STARTUP_SKIP_BUILD:-} ]]; then
    ./mvnw -B -q "$@" -Pstartup-benchmark package -DskipTests \
        -pl benchmarks/startup/stack-only,benchmarks/startup/with-schematic -am
fi

out=benchmarks/startup/target
rm -rf "$out/logs"
mkdir -p "$out/logs"
fifo="$out/console.fifo"

declare -A started ready cpu app_cpu rss classes first_check first_check_cpu

ms_since() { # elapsed milliseconds between two $EPOCHREALTIME values
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'
}

# On-CPU time (ns) of a JVM's live threads except the JIT compilers, whose work varies from start to start.
app_cpu_ns() {
    local total=0 task name ns
    for task in /proc/"$1"/task/*; do
        # a thread that ended since the listing is skipped
        { read -r name <"$task/comm" && read -r ns _ <"$task/schedstat"; } 2>/dev/null || continue
        [[ $name == *CompilerThre* ]] && continue
        total=$((total + ns))
    done
    echo "$total"
}

# Starts one app, measures, stops it. Appends to the arrays unless $3 is "warmup".
start_once() {
    local app=$1 run=$2 log="$out/logs/$1-$2.log" line started_ms="" port="" fd t0 t_ready pid drain
    rm -f "$fifo"
    mkfifo "$fifo"
    t0=$EPOCHREALTIME
    # shellcheck disable=SC2086
    java ${STARTUP_JAVA_OPTS:-} -Dquarkus.http.port=0 -jar "benchmarks/startup/$app/target/quarkus-app/quarkus-run.jar" \
        >"$fifo" 2>&1 &
    pid=$!
    exec {fd}<"$fifo"
    # the console is read line by line as it is written: no polling, the "started" line is seen when it is printed
    while IFS= read -r -t 120 line <&"$fd"; do
        printf '%s\n' "$line" >>"$log"
        if [[ $line =~ started\ in\ ([0-9.]+)s.*Listening\ on:\ https?://[^:]+:([0-9]+) ]]; then
            started_ms=$(awk -v s="${BASH_REMATCH[1]}" 'BEGIN { printf "%.0f", s * 1000 }')
            port=${BASH_REMATCH[2]}
            break
        fi
    done
    cat <&"$fd" >>"$log" &
    drain=$!
    exec {fd}<&-
    if [[ -z $started_ms ]]; then
        kill "$pid" 2>/dev/null || true
        echo "$app did not start, see $log" >&2
        exit 1
    fi
    curl -fsS -o /dev/null --retry 50 --retry-delay 0 --retry-connrefused "http://127.0.0.1:$port/hello"
    t_ready=$EPOCHREALTIME
    local rss_kb cpu_ticks loaded check="" check_cpu=""
    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    # user + system time of all the JVM's threads, those that ended included (fields 14 and 15, after the name)
    cpu_ticks=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
    local live_cpu_ns
    live_cpu_ns=$(app_cpu_ns "$pid")
    # jstat reads the JVM's performance counters from its hsperfdata file: no agent is attached to the app
    loaded=$(jstat -class "$pid" | awk 'NR == 2 { print $1 }')
    if [[ $app == with-schematic ]]; then
        local answer cpu_before
        cpu_before=$(app_cpu_ns "$pid")
        answer=$(curl -fsS -w ' %{time_total}' "http://127.0.0.1:$port/hello/flag")
        [[ $answer == DEFAULT\ * ]] || { echo "unexpected flag answer: $answer" >&2; exit 1; }
        check=$(awk -v s="${answer#* }" 'BEGIN { printf "%.1f", s * 1000 }')
        check_cpu=$((($(app_cpu_ns "$pid") - cpu_before) / 1000000))
    fi
    kill -TERM "$pid"
    wait "$pid" || true
    wait "$drain" || true
    rm -f "$fifo"
    if [[ ${3:-} != warmup ]]; then
        started[$app]+="$started_ms "
        ready[$app]+="$(ms_since "$t0" "$t_ready") "
        cpu[$app]+="$(awk -v t="$cpu_ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1000 / hz }') "
        app_cpu[$app]+="$((live_cpu_ns / 1000000)) "
        rss[$app]+="$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }') "
        classes[$app]+="$loaded "
        [[ -n $check ]] && first_check[$app]+="$check " && first_check_cpu[$app]+="$check_cpu "
    fi
    return 0
}

# "median [min – max] (IQR q1 – q3)" of a list of numbers
summary() {
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '
        { v[NR] = $1 }
        function q(p,   h, l) { h = (NR - 1) * p + 1; l = int(h); return v[l] + (h - l) * (v[l + 1 < NR ? l + 1 : NR] - v[l]) }
        END { printf "%g [%g – %g] (IQR %g – %g)", q(0.5), v[1], v[NR], q(0.25), q(0.75) }'
}

# median of the differences run by run (with - without), and their min and max
paired() {
    paste -d' ' <(tr ' ' '\n' <<<"$1" | grep .) <(tr ' ' '\n' <<<"$2" | grep .) | awk '{ print $2 - $1 }' | sort -g |
        awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
            printf "%+g [%+g – %+g]", m, v[1], v[NR] }'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((w = 1; w <= warmup; w++)); do
    for app in "${apps[@]}"; do start_once "$app" "warmup$w" warmup; done
done
for ((i = 1; i <= runs; i++)); do
    # ABBA order: neither app always starts right after the other one stopped
    if ((i % 2)); then order=("${apps[@]}"); else order=("${apps[1]}" "${apps[0]}"); fi
    for app in "${order[@]}"; do start_once "$app" "$i"; done
    printf '.' >&2
done
printf '\n' >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "Start-up, $runs alternating starts of each app after $warmup unmeasured, $(date -u +%Y-%m-%d), $(nproc) CPUs," \
        "$(java -version 2>&1 | head -1), load average $load_before before, $load_after after."
    echo "Each cell: median [min – max] (IQR). Difference: with-schematic minus stack-only, run by run: median [min – max]."
    echo
    echo "| metric | stack-only | with-schematic | difference |"
    echo "|---|---|---|---|"
    for metric in started ready cpu app_cpu rss classes; do
        unset -n values 2>/dev/null || true
        declare -n values=$metric
        case $metric in
        started) label='Quarkus "started in" (ms)' ;;
        ready) label='launch to first /hello answer (ms)' ;;
        cpu) label='CPU time (user + system) until then (ms)' ;;
        app_cpu) label='of which outside the JIT compiler threads (ms)' ;;
        rss) label='RSS after that answer (MB)' ;;
        classes) label='classes loaded then' ;;
        esac
        echo "| $label | $(summary "${values[stack-only]}") | $(summary "${values[with-schematic]}") |" \
            "$(paired "${values[stack-only]}" "${values[with-schematic]}") |"
    done
    echo "| first flag check, Schematic unreachable (ms) | | $(summary "${first_check[with-schematic]}") | |"
    echo "| its CPU time outside the JIT compiler threads (ms) | | $(summary "${first_check_cpu[with-schematic]}") | |"
} | tee "$out/startup-table.md"
