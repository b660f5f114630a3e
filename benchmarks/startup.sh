#!/usr/bin/env bash
# Start-up cost of the extension: builds three packaged JVM apps with the same library stack (quarkus-rest-jackson,
# quarkus-rest-client-jackson, quarkus-smallrye-fault-tolerance, quarkus-caffeine): stack-only; stack-client, the same
# plus what the extension's contract prescribes without its code (a plain MicroProfile REST Client with the same 13
# methods and Fault Tolerance annotations, injected); with-schematic, stack-only plus the extension. It starts each N
# times, alternately, and prints median and spread of
#   - Quarkus' own "started in" figure,
#   - wall time from launching `java -jar` to the first answer of GET /hello, and the CPU time the JVM used until
#     then, in all and without the JIT compilers (less disturbed than wall time when other processes share the CPUs),
#   - resident memory (VmRSS) right after that answer, and the number of classes loaded then,
#   - (the two apps with a client) the time of the first flag check, GET /hello/flag, Schematic being unreachable, and
#     the CPU time the JVM spent on it;
# with the differences the contract costs (stack-client - stack-only), the extension's own (with-schematic -
# stack-client) and both (with-schematic - stack-only); then the targets of issue 16 beside the measured differences
# (met / not met), and where the difference goes: a few more starts of each app with -Xlog:class+load and
# -Dquarkus.debug.print-startup-times=true give the classes only the app with the extension loads, by origin, and the
# start-up steps that differ (fastest of those starts).
#
#   benchmarks/startup.sh [N] [extra Maven arguments, e.g. -Dmaven.repo.local=...]
#
# N defaults to 7. Environment: STARTUP_SKIP_BUILD=1 reuses the built apps; STARTUP_JAVA_OPTS adds JVM options to
# every start (e.g. -Xlog:class+load:file=...); STARTUP_WARMUP (default 1) unmeasured starts of each app first, so
# the first measured start does not pay for a cold file cache; STARTUP_BREAKDOWN (default 3) starts of each app for
# the breakdown, 0 for none. Logs of every start: benchmarks/startup/target/logs/.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=7
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
warmup=${STARTUP_WARMUP:-1}
breakdown=${STARTUP_BREAKDOWN:-3}
# issue 16: the extension's own cost over the same stack
target_ms=30
target_rss_mb=5
apps=(stack-only stack-client with-schematic)

if [[ -z ${STARTUP_SKIP_BUILD:-} ]]; then
    ./mvnw -B -q "$@" -Pstartup-benchmark package -DskipTests \
        -pl benchmarks/startup/stack-only,benchmarks/startup/stack-client,benchmarks/startup/with-schematic -am
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

# Starts one app, measures, stops it. Appends to the arrays unless $3 is "warmup" or "breakdown" (a start that also
# lists the classes it loads, in $out/logs/<app>-<run>.classes, and logs the time of each start-up step).
start_once() {
    local app=$1 run=$2 log="$out/logs/$1-$2.log" line started_ms="" port="" fd t0 t_ready pid drain opts=""
    [[ ${3:-} == breakdown ]] &&
        opts="-Xlog:class+load:file=$out/logs/$app-$run.classes -Dquarkus.debug.print-startup-times=true"
    rm -f "$fifo"
    mkfifo "$fifo"
    t0=$EPOCHREALTIME
    # shellcheck disable=SC2086
    java ${STARTUP_JAVA_OPTS:-} $opts -Dquarkus.http.port=0 \
        -jar "benchmarks/startup/$app/target/quarkus-app/quarkus-run.jar" >"$fifo" 2>&1 &
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
    # the breakdown counts the classes of start-up only: no flag check there
    if [[ $app != stack-only && ${3:-} != breakdown ]]; then
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
    if [[ -z ${3:-} ]]; then
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

# median of the differences run by run, as a plain number
paired_median() {
    paste -d' ' <(tr ' ' '\n' <<<"$1" | grep .) <(tr ' ' '\n' <<<"$2" | grep .) | awk '{ print $2 - $1 }' | sort -g |
        awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "| target | limit | ours | met / not met | over stack-only | met / not met |": the median differences of a metric
# (the name of its array) over stack-client and over stack-only, beside their upper limit
target_row() {
    local -n measured=$3
    awk -v label="$1" -v limit="$2" -v unit="$4" \
        -v ours="$(paired_median "${measured[stack-client]}" "${measured[with-schematic]}")" \
        -v both="$(paired_median "${measured[stack-only]}" "${measured[with-schematic]}")" 'BEGIN {
        printf "| %s | <= %g %s | %+g %s | %s | %+g %s | %s |\n", label, limit, unit, ours, unit,
            ours <= limit ? "met" : "NOT met", both, unit, both <= limit ? "met" : "NOT met" }'
}

# Class names of a -Xlog:class+load file, one per line, sorted; generated names (lambdas, hidden classes) without
# their addresses and numbers, so the same class compares equal from one JVM to the next.
loaded_classes() {
    awk '{ print $2 }' "$1" | sed -E 's#/0x[0-9a-f]+##; s#\$\$Lambda\$?[0-9]*#$$Lambda#' | sort
}

# Where a class comes from, for the breakdown.
origin() {
    awk '{
        if ($1 ~ /^io\.quarkiverse\.schematic\.benchmarks\./)
            print "the reference app (resource, plain clients and what is generated for them)"
        else if ($1 ~ /^io\.quarkiverse\.schematic\./ || $1 ~ /^io\.quarkus\.runner\.recorded\.(Schematic|Webhook|CallerContext|AccessToken|Observability|SharedCache)/)
            print "the extension (its classes and the beans, proxies, recorders generated for it)"
        else if ($1 ~ /faulttolerance/)
            print "MicroProfile / SmallRye Fault Tolerance (validating the client annotations)"
        else if ($1 ~ /Lambda|^java\.lang\.invoke\./)
            print "lambdas and method handles"
        else
            print "other (REST Client, ArC, config, Vert.x, JDK)"
    }' | sort | uniq -c | awk '{ n = $1; $1 = ""; printf "%s|%d\n", substr($0, 2), n }' | LC_ALL=C sort -t'|' -k1,1
}

# Fastest time (ms) of each start-up step over the breakdown starts of an app: "step ms" lines.
step_minimums() {
    cat "$out"/logs/"$1"-breakdown*.log | sed -nE 's/.*Build step ([^ ]+) completed in: ([0-9]+)ms.*/\1 \2/p' |
        LC_ALL=C sort -k1,1 -k2,2n | awk '!seen[$1]++'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((w = 1; w <= warmup; w++)); do
    for app in "${apps[@]}"; do start_once "$app" "warmup$w" warmup; done
done
for ((i = 1; i <= runs; i++)); do
    # ABC CBA order: no app always starts right after the same other one stopped
    if ((i % 2)); then order=("${apps[@]}"); else order=("${apps[2]}" "${apps[1]}" "${apps[0]}"); fi
    for app in "${order[@]}"; do start_once "$app" "$i"; done
    printf '.' >&2
done
printf '\n' >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "Start-up, $runs alternating starts of each app after $warmup unmeasured, $(date -u +%Y-%m-%d), $(nproc) CPUs," \
        "$(java -version 2>&1 | head -1), load average $load_before before, $load_after after."
    echo "Each cell: median [min – max] (IQR). Differences run by run (the apps of one round start back to back):"
    echo "median [min – max]. The contract: stack-client minus stack-only, what a plain annotated REST client of the"
    echo "same 13 methods costs; ours: with-schematic minus stack-client, the extension's own cost; both: with-schematic"
    echo "minus stack-only."
    echo
    echo "| metric | stack-only | stack-client | with-schematic | the contract | ours | both |"
    echo "|---|---|---|---|---|---|---|"
    for metric in started ready cpu app_cpu rss classes first_check first_check_cpu; do
        unset -n values 2>/dev/null || true
        declare -n values=$metric
        case $metric in
        started) label='Quarkus "started in" (ms)' ;;
        ready) label='launch to first /hello answer (ms)' ;;
        cpu) label='CPU time (user + system) until then (ms)' ;;
        app_cpu) label='of which outside the JIT compiler threads (ms)' ;;
        rss) label='RSS after that answer (MB)' ;;
        classes) label='classes loaded then' ;;
        first_check) label='first flag check, Schematic unreachable (ms)' ;;
        first_check_cpu) label='its CPU time outside the JIT compiler threads (ms)' ;;
        esac
        if [[ $metric == first_check* ]]; then
            echo "| $label | | $(summary "${values[stack-client]}") | $(summary "${values[with-schematic]}") | |" \
                "$(paired "${values[stack-client]}" "${values[with-schematic]}") | |"
        else
            echo "| $label | $(summary "${values[stack-only]}") | $(summary "${values[stack-client]}") |" \
                "$(summary "${values[with-schematic]}") | $(paired "${values[stack-only]}" "${values[stack-client]}") |" \
                "$(paired "${values[stack-client]}" "${values[with-schematic]}") |" \
                "$(paired "${values[stack-only]}" "${values[with-schematic]}") |"
        fi
    done
    echo
    echo "Targets of issue 16, the extension's own cost (median of the run-by-run differences above; on a busy machine"
    echo "the CPU row is the one to trust, wall-clock times scatter by hundreds of milliseconds). Ours is measured over"
    echo "stack-client, the same stack with the client the contract prescribes; over stack-only for comparison:"
    echo
    echo "| target | limit | ours (over stack-client) | verdict | over stack-only | verdict |"
    echo "|---|---|---|---|---|---|"
    target_row 'start-up time, Quarkus "started in"' "$target_ms" started ms
    target_row 'start-up CPU time outside the JIT compiler threads' "$target_ms" app_cpu ms
    target_row 'resident memory after start' "$target_rss_mb" rss MB
} | tee "$out/startup-table.md"

if ((breakdown > 0)); then
    for ((b = 1; b <= breakdown; b++)); do
        for app in "${apps[@]}"; do start_once "$app" "breakdown$b" breakdown; done
    done
    # the full lists, for a closer look
    comm -13 <(loaded_classes "$out/logs/stack-client-breakdown1.classes") \
        <(loaded_classes "$out/logs/with-schematic-breakdown1.classes") >"$out/classes-ours.txt"
    comm -13 <(loaded_classes "$out/logs/stack-only-breakdown1.classes") \
        <(loaded_classes "$out/logs/stack-client-breakdown1.classes") >"$out/classes-contract.txt"
    {
        echo
        echo "Where the difference goes, from $breakdown more starts of each app with -Xlog:class+load and"
        echo "-Dquarkus.debug.print-startup-times=true. Classes only one app loads (first of those starts: started, one"
        echo "/hello answer, stopped; no flag check; lists in $out/classes-ours.txt and classes-contract.txt):"
        echo
        echo "| origin | the contract: stack-client, not stack-only | ours: with-schematic, not stack-client |"
        echo "|---|---|---|"
        LC_ALL=C join -t'|' -a 1 -a 2 -e 0 -o 0,1.2,2.2 <(origin <"$out/classes-contract.txt") \
            <(origin <"$out/classes-ours.txt") | awk -F'|' '{ printf "| %s | %d | %d |\n", $1, $2, $3 }' |
            sort -t'|' -k4 -gr
        echo "| all | $(wc -l <"$out/classes-contract.txt") | $(wc -l <"$out/classes-ours.txt") |"
        echo
        echo "Start-up steps that take longer with the extension than with the plain client, or are its own (fastest of"
        echo "the $breakdown starts, ms; steps of 1 ms or less in with-schematic left out):"
        echo
        echo "| step | stack-only | stack-client | with-schematic | ours |"
        echo "|---|---|---|---|---|"
        LC_ALL=C join -a 2 -e 0 -o 0,1.2,2.2 <(step_minimums stack-only) <(step_minimums stack-client) |
            LC_ALL=C join -a 2 -e 0 -o 0,1.2,1.3,2.2 - <(step_minimums with-schematic) |
            awk '$4 > 1 && $4 > $3 { printf "| %s | %d | %d | %d | %+d |\n", $1, $2, $3, $4, $4 - $3 }' |
            sort -t"|" -k6 -gr
    } | tee -a "$out/startup-table.md"
fi
