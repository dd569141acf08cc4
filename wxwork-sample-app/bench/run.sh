#!/usr/bin/env bash
# The callback benchmark of docs/sample-app.md: the demo app's callback endpoint (verify, decrypt, parse,
# deduplicate, echo handler, seal the reply) against an empty @PostMapping on the same Spring MVC stack,
# with requests of the same size, in alternating rounds. Loopback only; bounded durations.
#
#   wxwork-sample-app/bench/run.sh [rounds] [duration] [connections]      (after mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
DURATION=${2:-15s}
CONNECTIONS=${3:-32}
THREADS=2
PORT=${BENCH_PORT:-18080}
# More lines than a round can send at ~25,000 requests/s: a replay would be answered by deduplication alone.
LINES=${BENCH_LINES:-400000}
JAR=target/wxwork-sample-app-0.1.0-SNAPSHOT.jar
WORK=target/bench
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

generate() {
  java -cp "$JAR" -Dloader.main=dev.wxwork.sample.bench.CallbackRequestGenerator \
    org.springframework.boot.loader.launch.PropertiesLauncher "$LINES" "$1" >/dev/null
}

java -Xms512m -Xmx512m -jar "$JAR" --server.port="$PORT" --spring.profiles.active=bench >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/events" && break; sleep 1; done

bench() { # file [path]
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/callbacks.lua "http://127.0.0.1:$PORT" -- "$1" "$THREADS" ${2:-}
}

# Every callback round gets its own file, so that no request is a replay of an earlier one.
for round in warmup $(seq "$ROUNDS"); do
  file="$WORK/callbacks-$round.txt"
  generate "$file"
  if [ "$round" = warmup ]; then
    echo "== warm-up (not counted)"
    bench "$file" >/dev/null
    bench "$file" /bench/empty >/dev/null
  else
    echo "== round $round: callback /wxwork/demo/callback"
    bench "$file" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx|replays|different"
    echo "== round $round: empty /bench/empty"
    bench "$file" /bench/empty | grep -E "Latency|50%|99%|Requests/sec|Non-2xx"
  fi
  rm -f "$file"
done
