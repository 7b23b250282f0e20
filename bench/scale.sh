#!/usr/bin/env bash
# Scale (issue 7): Get and Locate-by-name latency with 1,000 and with 1,000,000 objects in
# the store (target: the large store within 1.5 times the small one), the store's size on
# disk and the server's RSS.
#
#   bash bench/scale.sh
#   SIZES="1000 1000000" RUNS=3 DURATION=5s bash bench/scale.sh
#   CPUS=0 bash bench/scale.sh     # server and client pinned to CPU 0 (taskset)
#
# For each size: a fresh data dir is seeded with `kms bulk-seed` (AES-256 keys named
# scale-0 ... scale-(N-1), one object per name, made by the Create operation offline), then
# `kms serve` starts on it (loopback, ports the kernel picks) and `kms bench --op get` and
# `--op locate` run with --existing-prefix/--existing-count: each request names one of up to
# 20,000 seeded objects picked at random, so a large store is read all over, not through a
# handful of cached keys. One connection, pipeline 1, batch 1; each figure is the median of
# RUNS runs. Not run in CI. The kms binary is the release build; the 1,000,000-object data
# dir takes about 4 GB (KEEP=1 keeps the data dirs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${SIZES:-1000 1000000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-1s}
PREFIX=scale-
# With one message in flight, a round trip costs ~40 µs more when the server's and the
# client's threads wake each other across cores than on one core (thread wake-ups in a VM),
# and which of the two a run gets is up to the scheduler: CPUS pins both to the same CPUs.
PIN=()
[[ -n "${CPUS:-}" ]] && PIN=(taskset -c "$CPUS")

cargo build --locked --release --bin kms
KMS="${CARGO_TARGET_DIR:-$ROOT/target}/release/kms"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kms-scale.XXXXXX")
SERVER=""
stop_server() {
  if [[ -n "$SERVER" ]]; then
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}
cleanup() {
  stop_server
  if [[ -n "${KEEP:-}" ]]; then echo "data dirs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

field() { # file python-expression-over-d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

declare -A RESULT
for n in $SIZES; do
  data="$WORK/n$n"
  echo "== $n objects" >&2
  started=$(date +%s.%N)
  "$KMS" bulk-seed --data-dir "$data" --count "$n" --name-prefix "$PREFIX" --alg aes-256 --quiet >&2
  RESULT[$n,seed]=$(echo "$(date +%s.%N) - $started" | bc)
  RESULT[$n,seeded]=$(du -sk "$data/store" | cut -f1)

  "${PIN[@]}" "$KMS" serve --data-dir "$data" --kmip-addr 127.0.0.1:0 --http-addr 127.0.0.1:0 >"$WORK/serve-$n.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do [[ -f "$data/server.json" ]] && break; sleep 0.1; done
  addr=$(field "$data/server.json" "d['kmip_addr']")
  RESULT[$n,rss_idle]=$(rss_kib "$SERVER")

  for op in get locate; do
    p50s=() p99s=() rates=()
    for run in $(seq 1 "$RUNS"); do
      out="$WORK/$op-$n-$run.json"
      "${PIN[@]}" "$KMS" bench --data-dir "$data" --addr "$addr" --server-pid "$SERVER" --op "$op" \
        --existing-prefix "$PREFIX" --existing-count "$n" --connections 1 \
        --duration "$DURATION" --warmup "$WARMUP" --json --quiet >"$out"
      errors=$(field "$out" "sum(d['errors'].values())")
      [[ "$errors" == 0 ]] || { echo "$op on $n objects: $errors errors ($out)" >&2; exit 1; }
      p50s+=("$(field "$out" "d['latency_us']['p50']")")
      p99s+=("$(field "$out" "d['latency_us']['p99']")")
      rates+=("$(field "$out" "round(d['ops_per_second'])")")
    done
    RESULT[$n,$op,p50]=$(median "${p50s[@]}")
    RESULT[$n,$op,p99]=$(median "${p99s[@]}")
    RESULT[$n,$op,rate]=$(median "${rates[@]}")
    echo "   $op: p50 ${p50s[*]} µs, p99 ${p99s[*]} µs, ${rates[*]} ops/s" >&2
  done
  RESULT[$n,rss]=$(rss_kib "$SERVER")
  stop_server
  RESULT[$n,store]=$(du -sk "$data/store" | cut -f1)
  [[ -n "${KEEP:-}" ]] || rm -rf "$data"
done

printf '\n%-10s %8s %15s %14s %10s %10s %9s %10s %10s %9s\n' objects "seed s" "store MiB" "RSS MiB" \
  "get p50" "get p99" "get/s" "loc p50" "loc p99" "loc/s"
for n in $SIZES; do
  printf '%-10s %8.1f %15s %14s %10.1f %10.1f %9s %10.1f %10.1f %9s\n' "$n" "${RESULT[$n,seed]}" \
    "$((RESULT[$n,seeded] / 1024)) -> $((RESULT[$n,store] / 1024))" \
    "$((RESULT[$n,rss_idle] / 1024)) -> $((RESULT[$n,rss] / 1024))" \
    "${RESULT[$n,get,p50]}" "${RESULT[$n,get,p99]}" "${RESULT[$n,get,rate]}" \
    "${RESULT[$n,locate,p50]}" "${RESULT[$n,locate,p99]}" "${RESULT[$n,locate,rate]}"
done
read -r small large _ <<<"$SIZES"
if [[ -n "${large:-}" ]]; then
  ratio() { echo "scale=2; ${RESULT[$large,$1,$2]} / ${RESULT[$small,$1,$2]}" | bc; }
  echo
  echo "latency with $large objects / with $small (target: at most 1.5):"
  echo "  get     p50 $(ratio get p50)x   p99 $(ratio get p99)x"
  echo "  locate  p50 $(ratio locate p50)x   p99 $(ratio locate p99)x"
fi
echo "(latencies in µs, medians of $RUNS runs of $DURATION; RSS: idle after start -> after the runs;"
echo " store: du of DATA_DIR/store after seeding -> after the runs, which append an audit entry per request)"
