#!/usr/bin/env bash
# Side by side: this server and the PyKMIP 0.11 server (PyPI), both on loopback with the
# same development PKI (ECDSA P-256 certificates, mutual TLS), driven by the same
# `kms bench` workloads at KMIP 2.0 (the highest version both speak). Prints one table:
# each workload's median of RUNS runs on both servers, and their ratio.
#
#   bash bench/compare.sh
#   RUNS=3 DURATION=5s OPS="get create locate mac" CONNECTIONS="1 16" bash bench/compare.sh
#
# Not run in CI. Needs python3 with venv (the PyKMIP virtualenv is made in target/ as the
# PyKMIP client test makes it, or reused). The kms binary is the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
DURATION=${DURATION:-5s}
# Locate is left out by default: PyKMIP's Locate over the table the Create runs filled
# (thousands of keys) answered none within a 5 s run, and an unanswered request holds
# the run open.
OPS=${OPS:-get create}
CONNECTIONS=${CONNECTIONS:-1 16}
VERSION=${VERSION:-2.0}

cargo build --locked --release --bin kms
KMS="${CARGO_TARGET_DIR:-$ROOT/target}/release/kms"
VENV="$ROOT/target/pykmip-venv"
if [[ ! -x "$VENV/bin/pykmip-server" ]]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q pykmip==0.11.0 'cryptography<51'
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kms-compare.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# This server: a fresh data dir and its development PKI, which PyKMIP uses too.
DATA="$WORK/kms"
"$KMS" serve --data-dir "$DATA" --kmip-addr 127.0.0.1:0 --http-addr 127.0.0.1:0 >"$WORK/kms.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do [[ -f "$DATA/server.json" ]] && break; sleep 0.1; done
KMS_ADDR=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['kmip_addr'])" "$DATA/server.json")
KMS_PID=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pid'])" "$DATA/server.json")

PY_PORT=$(free_port)
mkdir -p "$WORK/pykmip/policies"
cat >"$WORK/pykmip/server.conf" <<EOF
[server]
hostname=127.0.0.1
port=$PY_PORT
certificate_path=$DATA/certs/server.pem
key_path=$DATA/certs/server.key
ca_path=$DATA/certs/ca.pem
auth_suite=TLS1.2
policy_path=$WORK/pykmip/policies
enable_tls_client_auth=True
logging_level=WARNING
database_path=$WORK/pykmip/pykmip.db
EOF
"$VENV/bin/pykmip-server" -f "$WORK/pykmip/server.conf" -l "$WORK/pykmip/server.log" >"$WORK/pykmip/out.log" 2>&1 &
PIDS+=($!)
PY_PID=$!
for _ in $(seq 1 100); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2)" "$PY_PORT" 2>/dev/null && break
  sleep 0.1
done

# One run: "ops/s p50-µs failed-operations", or "refused: why" when the server refuses
# the workload (PyKMIP has no HMAC keys, for one).
rate() { # addr pid op connections
  local out
  if out=$("$KMS" bench --data-dir "$DATA" --addr "$1" --server-pid "$2" --protocol-version "$VERSION" \
    --op "$3" --connections "$4" --duration "$DURATION" --warmup 1s --json 2>"$WORK/bench.err"); then
    python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.0f %.0f %d" % (r["ops_per_second"], r["latency_us"]["p50"], sum(r["errors"].values())))' <<<"$out"
  else
    echo "refused: $(head -c 150 "$WORK/bench.err" | tr '\n' ' ')"
  fi
}
median() { python3 -c 'import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:])))' "$@"; }

echo "KMIP $VERSION, mutual TLS on loopback, $DURATION per run, median of $RUNS runs; $(nproc) cores"
printf '%-10s %5s %14s %10s %14s %10s %8s\n' op conns "kms ops/s" "kms p50" "PyKMIP ops/s" "PyKMIP p50" ratio
for op in $OPS; do
  for c in $CONNECTIONS; do
    k_rates=() k_p50=() p_rates=() p_p50=() errors=0 refused=""
    for _ in $(seq 1 "$RUNS"); do
      for side in kms pykmip; do
        if [[ $side == kms ]]; then line=$(rate "$KMS_ADDR" "$KMS_PID" "$op" "$c"); else line=$(rate "127.0.0.1:$PY_PORT" "$PY_PID" "$op" "$c"); fi
        if [[ $line == refused:* ]]; then refused="$side $line"; break 2; fi
        read -r r l e <<<"$line"
        errors=$((errors + e))
        if [[ $side == kms ]]; then k_rates+=("$r"); k_p50+=("$l"); else p_rates+=("$r"); p_p50+=("$l"); fi
      done
    done
    if [[ -n $refused ]]; then
      printf '%-10s %5s   %s\n' "$op" "$c" "$refused"
      continue
    fi
    k=$(median "${k_rates[@]}"); p=$(median "${p_rates[@]}")
    ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1])/max(float(sys.argv[2]),1):.1f}x')" "$k" "$p")
    printf '%-10s %5s %14s %8s µs %14s %8s µs %8s\n' "$op" "$c" "$k" "$(median "${k_p50[@]}")" "$p" "$(median "${p_p50[@]}")" "$ratio"
    [[ $errors -eq 0 ]] || echo "  ($errors failed operations in these runs)"
  done
done
