#!/usr/bin/env bash
# Issue 7's targets on this machine, each one `kms bench` command line (printed as it
# runs), RUNS runs each, medians. A release `kms serve` on a fresh data dir with its
# development PKI, the load generator on the same machine.
#
#   bash bench/targets.sh
#   RUNS=3 DURATION=5s ONLY="encrypt-1 get-16" bash bench/targets.sh
#
# Not run in CI. The 1,000,000-object scale figures come from bench/scale.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
DURATION=${DURATION:-5s}
ONLY=${ONLY:-}

cargo build --locked --release --bin kms
KMS="${CARGO_TARGET_DIR:-$ROOT/target}/release/kms"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kms-targets.XXXXXX")
SERVER=
cleanup() {
  [[ -n "$SERVER" ]] && kill -TERM "$SERVER" 2>/dev/null || true
  sleep 0.5
  rm -rf "$WORK"
}
trap cleanup EXIT

# A fresh server on a fresh data dir ($1): sets SERVER, DATA and ADDR.
start_server() {
  [[ -n "$SERVER" ]] && { kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  DATA="$WORK/$1"
  # 10,000 idle connections and the bench's own need more than the default limit.
  KMS_LIMITS_MAX_CONNECTIONS=20000 "$KMS" serve --data-dir "$DATA" --kmip-addr 127.0.0.1:0 \
    --http-addr 127.0.0.1:0 >"$WORK/$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do [[ -f "$DATA/server.json" ]] && break; sleep 0.1; done
  ADDR=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['kmip_addr'])" "$DATA/server.json")
  sleep 2
}
start_server data
IDLE_RSS=$(awk '/^VmRSS/{print $2}' "/proc/$SERVER/status")

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "idle server RSS: $IDLE_RSS KiB (target: under 30 MB)"

# name | kms bench arguments
TARGETS=(
  "encrypt-1|--op encrypt --connections 1 --baseline"
  "encrypt-16|--op encrypt --connections 16 --baseline"
  "get-16|--op get --connections 16 --baseline"
  "sign-raw|--raw --op sign --alg ecdsa-p256"
  "sign-16|--op sign --alg ecdsa-p256 --connections 16"
  "sign-16-batch-16|--op sign --alg ecdsa-p256 --connections 16 --batch 16"
  "create-16|--op create --connections 16"
  "idle-10000|--hold 10000"
)

for entry in "${TARGETS[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  [[ -n "$ONLY" && " $ONLY " != *" $name "* ]] && continue
  echo
  echo "== $name: kms bench --addr ADDR --data-dir DATA $args --duration $DURATION"
  for run in $(seq 1 "$RUNS"); do
    # Idle connections are measured on a fresh server each time: memory a
    # previous hold freed stays with the allocator and would be reused.
    [[ $name == idle-* ]] && start_server "idle-$run"
    # shellcheck disable=SC2086
    "$KMS" bench --addr "$ADDR" --data-dir "$DATA" $args --duration "$DURATION" --server-pid "$SERVER" --json \
      >"$WORK/$name.$run.json"
    python3 - "$WORK/$name.$run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
if "fraction_of_floor" in r:
    k = r["kmip"]
    print(f"  {k['ops_per_second']:>10.0f} ops/s  p50 {k['latency_us']['p50']:>8.0f} µs  p99 {k['latency_us']['p99']:>8.0f} µs"
          f"  floor {r['floor_messages_per_second']:>9.0f}  = {100*r['fraction_of_floor']:5.1f} %  errors {sum(k['errors'].values())}")
elif "per_second" in r:
    print(f"  {r['per_second']:>10.0f} ops/s raw ({r['what']}, {r['threads']} threads)")
elif "per_connection_bytes" in r:
    print(f"  {r['connections']} connections: RSS {r['server_rss_before_kib']} -> {r['server_rss_held_kib']} KiB,"
          f" {r['per_connection_bytes']/1000:.1f} KB each, {r['alive_after']} answering after the hold")
else:
    print(f"  {r['ops_per_second']:>10.0f} ops/s  p50 {r['latency_us']['p50']:>8.0f} µs  p99 {r['latency_us']['p99']:>8.0f} µs"
          f"  errors {sum(r['errors'].values())}")
PY
  done
done

echo
echo "== medians of $RUNS runs"
python3 - "$WORK" "$RUNS" "$IDLE_RSS" <<'PY'
import json, os, statistics, sys
work, runs, idle = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(name):
    out = []
    for run in range(1, runs + 1):
        path = os.path.join(work, f"{name}.{run}.json")
        if os.path.exists(path):
            out.append(json.load(open(path)))
    return out
def med(values):
    return statistics.median(values) if values else float("nan")
rows = []
for name in ["encrypt-1", "encrypt-16", "get-16"]:
    rs = load(name)
    if rs:
        rows.append((name, med([r["kmip"]["ops_per_second"] for r in rs]), med([r["kmip"]["latency_us"]["p99"] for r in rs]),
                     med([r["floor_messages_per_second"] for r in rs]), med([100 * r["fraction_of_floor"] for r in rs])))
for name, ops, p99, floor, frac in rows:
    print(f"{name:<18} {ops:>10.0f} ops/s  p99 {p99/1000:6.2f} ms  floor {floor:>9.0f}  {frac:5.1f} % of the floor")
raw = load("sign-raw")
raw_rate = med([r["per_second"] for r in raw]) if raw else None
if raw_rate:
    print(f"{'sign-raw':<18} {raw_rate:>10.0f} signatures/s (aws-lc-rs, every core, no server)")
for name in ["sign-16", "sign-16-batch-16", "create-16"]:
    rs = load(name)
    if not rs:
        continue
    ops = med([r["ops_per_second"] for r in rs])
    p99 = med([r["latency_us"]["p99"] for r in rs])
    extra = f"  {100*ops/raw_rate:5.1f} % of raw" if raw_rate and name.startswith("sign") else ""
    print(f"{name:<18} {ops:>10.0f} ops/s  p99 {p99/1000:6.2f} ms{extra}")
held = load("idle-10000")
if held:
    print(f"{'idle-10000':<18} {med([r['per_connection_bytes'] for r in held])/1000:>10.1f} KB per idle connection (median)")
print(f"{'idle server':<18} {idle/1024:>10.1f} MB RSS")
PY
