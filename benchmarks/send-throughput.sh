#!/usr/bin/env bash
# Sends per second through POST /messages at 32 connections: the sample app (this library) next to
# WxJava 4.6.0 behind the same endpoint contract (benchmarks/wxjava-send, not a module of the main
# build), both against one WeCom simulator (the sample's own, in a third process), in one run.
# Each round runs every app once, in turn; besides requests per second it prints the CPU time each JVM
# (and the simulator) spent per request served, from /proc/<pid>/stat, which a loaded machine
# disturbs far less than throughput, and the load average at the end of the round.
# Usage: benchmarks/send-throughput.sh [duration, default 20s] [rounds, default 3]; needs wrk.
# Environment:
#   WXJAVA_MAX_CONNECTIONS=N  give WxJava N pooled connections per host instead of its default 10
#   BASELINE_JAR=path         also run this build of the sample app (e.g. main's) as "baseline", to
#                             compare two builds of the library in the same run
#   SKIP_BUILD=1              use the jars already built
#   WARMUP=30s                how long each app is driven before measuring, twice
#   CEILING=1                 also run the ceilings, served by the WxJava app's JVM: "nosend", the same
#                             POST /messages contract with the send replaced by nothing, and "empty", an
#                             empty Spring MVC GET (benchmark-only endpoints under /ceiling/)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20s}"
ROUNDS="${2:-3}"
CONNECTIONS=32
SIMULATOR_PORT=18090 SAMPLE_PORT=18081 WXJAVA_PORT=18082 BASELINE_PORT=18083
LOGS=benchmarks/target
mkdir -p "$LOGS"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package -pl wxwork-sample-app -am
  mvn -B -q -DskipTests package -f benchmarks/wxjava-send/pom.xml
fi
SAMPLE_JAR=$(ls wxwork-sample-app/target/wxwork-sample-app-*.jar | grep -v original | head -1)
WXJAVA_JAR=benchmarks/wxjava-send/target/wxjava-send-0.1.0-SNAPSHOT.jar
SIMULATOR="http://127.0.0.1:${SIMULATOR_PORT}/simulator"
HZ=$(getconf CLK_TCK)

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

JAVA_OPTS=(-Xmx384m -XX:+UseParallelGC)
declare -A PORT PID
java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR" --server.port=$SIMULATOR_PORT --logging.level.root=WARN \
  > "$LOGS/simulator.log" 2>&1 & PIDS+=($!); SIMULATOR_PID=$!
APPS=(sample wxjava)
java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR" --server.port=$SAMPLE_PORT --wxwork.api-base-url=$SIMULATOR \
  --sample.simulator.enabled=false --logging.level.root=WARN > "$LOGS/sample.log" 2>&1 & PIDS+=($!)
PORT[sample]=$SAMPLE_PORT PID[sample]=$!
java "${JAVA_OPTS[@]}" -jar "$WXJAVA_JAR" --server.port=$WXJAVA_PORT --wecom.base-url=$SIMULATOR \
  --wecom.max-connections="${WXJAVA_MAX_CONNECTIONS:-0}" --logging.level.root=WARN > "$LOGS/wxjava.log" 2>&1 & PIDS+=($!)
PORT[wxjava]=$WXJAVA_PORT PID[wxjava]=$!
declare -A URLPATH SCRIPT
URLPATH[sample]=/messages URLPATH[wxjava]=/messages URLPATH[baseline]=/messages
SCRIPT[sample]=benchmarks/post-message.lua SCRIPT[wxjava]=benchmarks/post-message.lua SCRIPT[baseline]=benchmarks/post-message.lua
if [ -n "${BASELINE_JAR:-}" ]; then
  java "${JAVA_OPTS[@]}" -jar "$BASELINE_JAR" --server.port=$BASELINE_PORT --wxwork.api-base-url=$SIMULATOR \
    --sample.simulator.enabled=false --logging.level.root=WARN > "$LOGS/baseline.log" 2>&1 & PIDS+=($!)
  PORT[baseline]=$BASELINE_PORT PID[baseline]=$!
  APPS=(sample baseline wxjava)
fi
if [ -n "${CEILING:-}" ]; then
  PORT[nosend]=$WXJAVA_PORT PID[nosend]=${PID[wxjava]} URLPATH[nosend]=/ceiling/messages SCRIPT[nosend]=benchmarks/post-message.lua
  PORT[empty]=$WXJAVA_PORT PID[empty]=${PID[wxjava]} URLPATH[empty]=/ceiling/empty SCRIPT[empty]=benchmarks/get.lua
  APPS+=(nosend empty)
fi

BODY='{"toUser":"zhangsan","content":"warm-up"}'
for app in "${APPS[@]}"; do
  port=${PORT[$app]}
  [ "$app" = empty ] && continue
  for _ in $(seq 1 180); do
    if curl -sf -X POST "http://127.0.0.1:$port/messages" -H 'Content-Type: application/json' -d "$BODY" >/dev/null; then
      break
    fi
    sleep 1
  done
  curl -sf -X POST "http://127.0.0.1:$port/messages" -H 'Content-Type: application/json' -d "$BODY" >/dev/null \
    || { echo "$app (port $port) does not answer POST /messages; see $LOGS" >&2; exit 1; }
done

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
run() { # name app duration -> "req/s app-ms/req simulator-ms/req load wrk-ms/req"
  local pid=${PID[$2]} a0 s0 a1 s1 w
  a0=$(cpu "$pid"); s0=$(cpu "$SIMULATOR_PID")
  # wrk's own CPU (user + system seconds), from bash's time
  w=$( { TIMEFORMAT='%U %S'; time wrk -t2 -c$CONNECTIONS -d"$3" -s "${SCRIPT[$2]}" "http://127.0.0.1:${PORT[$2]}${URLPATH[$2]}" \
    > "$LOGS/wrk-$1.txt"; } 2>&1 | awk '{print $1 + $2}')
  a1=$(cpu "$pid"); s1=$(cpu "$SIMULATOR_PID")
  if grep -q "Non-2xx\|Socket errors" "$LOGS/wrk-$1.txt"; then echo "$1: some answers were not 2xx:" >&2; cat "$LOGS/wrk-$1.txt" >&2; exit 1; fi
  awk -v a=$((a1 - a0)) -v s=$((s1 - s0)) -v hz="$HZ" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v w="$w" \
    '/requests in/ {n = $1} /Requests\/sec/ {r = $2} END {printf "%.0f %.3f %.3f %s %.3f\n", r, a * 1000 / hz / n, s * 1000 / hz / n, load, w * 1000 / n}' \
    "$LOGS/wrk-$1.txt"
}
# the JIT needs well over a minute of load on a busy machine before the figures settle
WARMUP="${WARMUP:-30s}"
echo "warming up ($WARMUP each, twice)"
for pass in 1 2; do for app in "${APPS[@]}"; do run "warm-$app" "$app" "$WARMUP" >/dev/null; done; done
declare -A RESULTS MEDIAN_RPS MEDIAN_CPU
for round in $(seq 1 "$ROUNDS"); do
  # rotate the order, so that a change in the machine's load touches every app alike
  order=("${APPS[@]:$(( (round - 1) % ${#APPS[@]} ))}" "${APPS[@]:0:$(( (round - 1) % ${#APPS[@]} ))}")
  for app in "${order[@]}"; do
    read -r rps ams sms load wms < <(run "$app-$round" "$app" "$DURATION")
    RESULTS[$app]+="$rps $ams $sms $load $wms"$'\n'
    printf 'round %d %-8s %6d req/s  %.3f ms CPU/request in the app, %.3f in the simulator, %.3f in wrk  (load %s)\n' \
      "$round" "$app" "$rps" "$ams" "$sms" "$wms" "$load"
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "medians of $ROUNDS rounds:"
for app in "${APPS[@]}"; do
  rps=$(printf '%s' "${RESULTS[$app]}" | awk '{print $1}' | median)
  ams=$(printf '%s' "${RESULTS[$app]}" | awk '{print $2}' | median)
  sms=$(printf '%s' "${RESULTS[$app]}" | awk '{print $3}' | median)
  wms=$(printf '%s' "${RESULTS[$app]}" | awk '{print $5}' | median)
  MEDIAN_RPS[$app]=$rps MEDIAN_CPU[$app]=$ams
  printf '  %-8s %6s req/s  %s ms CPU/request in the app, %s in the simulator, %s in wrk\n' "$app" "$rps" "$ams" "$sms" "$wms"
done
for app in nosend empty; do
  if [ -n "${MEDIAN_RPS[$app]:-}" ]; then
    awk -v a="${MEDIAN_RPS[$app]}" -v b="${MEDIAN_RPS[wxjava]}" -v n="$app" \
      'BEGIN {printf "ceiling %s / WxJava send: %.2fx the requests per second\n", n, a / b}'
  fi
done
awk -v a="${MEDIAN_RPS[sample]}" -v b="${MEDIAN_RPS[wxjava]}" -v ca="${MEDIAN_CPU[sample]}" -v cb="${MEDIAN_CPU[wxjava]}" \
  'BEGIN {printf "sample / WxJava: %.2fx the sends per second, %.2fx the CPU per send\n", a / b, ca / cb}'
echo "wrk output: $LOGS/wrk-*.txt; simulator stats: $(curl -s "$SIMULATOR/stats")"
