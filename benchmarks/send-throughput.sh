#!/usr/bin/env bash
# Sends per second through POST /messages at 32 connections: the sample app (this library) next to
# WxJava 4.6.0 behind the same endpoint contract (benchmarks/wxjava-send, not a module of the main
# build), both against one WeCom simulator (the sample's own, in a third process), in one run.
# Usage: benchmarks/send-throughput.sh [duration, default 20s]; needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20s}"
CONNECTIONS=32
SIMULATOR_PORT=18090 SAMPLE_PORT=18081 WXJAVA_PORT=18082
LOGS=benchmarks/target
mkdir -p "$LOGS"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mvn -B -q -DskipTests package -pl wxwork-sample-app -am
mvn -B -q -DskipTests package -f benchmarks/wxjava-send/pom.xml
SAMPLE_JAR=$(ls wxwork-sample-app/target/wxwork-sample-app-*.jar | grep -v original | head -1)
WXJAVA_JAR=benchmarks/wxjava-send/target/wxjava-send-0.1.0-SNAPSHOT.jar
SIMULATOR="http://127.0.0.1:${SIMULATOR_PORT}/simulator"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

JAVA_OPTS=(-Xmx384m -XX:+UseParallelGC)
java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR" --server.port=$SIMULATOR_PORT --logging.level.root=WARN \
  > "$LOGS/simulator.log" 2>&1 & PIDS+=($!)
java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR" --server.port=$SAMPLE_PORT --wxwork.api-base-url=$SIMULATOR \
  --sample.simulator.enabled=false --logging.level.root=WARN > "$LOGS/sample.log" 2>&1 & PIDS+=($!)
java "${JAVA_OPTS[@]}" -jar "$WXJAVA_JAR" --server.port=$WXJAVA_PORT --wecom.base-url=$SIMULATOR \
  --logging.level.root=WARN > "$LOGS/wxjava.log" 2>&1 & PIDS+=($!)

BODY='{"toUser":"zhangsan","content":"warm-up"}'
for port in $SAMPLE_PORT $WXJAVA_PORT; do
  for _ in $(seq 1 120); do
    if curl -sf -X POST "http://127.0.0.1:$port/messages" -H 'Content-Type: application/json' -d "$BODY" >/dev/null; then
      break
    fi
    sleep 1
  done
  curl -sf -X POST "http://127.0.0.1:$port/messages" -H 'Content-Type: application/json' -d "$BODY" \
    || { echo "port $port does not answer POST /messages; see $LOGS" >&2; exit 1; }
  echo
done

run() { # name port duration
  wrk -t2 -c$CONNECTIONS -d"$3" -s benchmarks/post-message.lua "http://127.0.0.1:$2/messages" > "$LOGS/wrk-$1.txt"
  if grep -q "Non-2xx" "$LOGS/wrk-$1.txt"; then echo "$1: some answers were not 2xx:" >&2; cat "$LOGS/wrk-$1.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' "$LOGS/wrk-$1.txt"
}
echo "warming up (10s each)"
run warm-sample $SAMPLE_PORT 10s >/dev/null
run warm-wxjava $WXJAVA_PORT 10s >/dev/null
# two rounds, alternating, so that a change in the machine's load touches both alike
for round in 1 2; do
  SAMPLE_RPS[$round]=$(run "sample-$round" $SAMPLE_PORT "$DURATION")
  WXJAVA_RPS[$round]=$(run "wxjava-$round" $WXJAVA_PORT "$DURATION")
  echo "round $round: sample (wxwork-spring-boot) ${SAMPLE_RPS[$round]} req/s, WxJava 4.6.0 ${WXJAVA_RPS[$round]} req/s," \
    "ratio $(awk -v a="${SAMPLE_RPS[$round]}" -v b="${WXJAVA_RPS[$round]}" 'BEGIN {printf "%.2f", a / b}')"
done
echo "wrk output: $LOGS/wrk-*.txt; simulator stats: $(curl -s "$SIMULATOR/stats")"
