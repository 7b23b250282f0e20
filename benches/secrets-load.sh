#!/usr/bin/env bash
# Secrets over HTTPS, the issue's figure: secrets fetched per second with a list of 20
# secrets and 16 concurrent clients.
#
#   bash benches/secrets-load.sh            # release build (the figure in docs/benchmarks.md)
#   PROFILE=debug bash benches/secrets-load.sh
#   RUNS=3 DURATION=10s CONNECTIONS=16 THREADS=2 bash benches/secrets-load.sh
#
# It serves a fresh temporary data dir on 127.0.0.1 (port 0, addresses read from
# DIR/server.json), creates a project with a dev environment, a machine identity attached as
# viewer, seeds 20 secrets in dev at /, logs in once with Universal Auth (curl), then drives
#   GET /api/v3/secrets/raw?workspaceId=<id>&environment=dev&secretPath=/
# with wrk (Debian package `wrk`) over keep-alive HTTPS connections, RUNS times, and prints
# wrk's report of each run and the median requests/s. Every response is checked to be a 200
# (wrk counts non-2xx responses; the script fails when there are any). Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROFILE=${PROFILE:-release}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
SECRETS=${SECRETS:-20}

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [[ "$PROFILE" == release ]]; then
  cargo build --locked --release --bin kms
else
  cargo build --locked --bin kms
fi
KMS="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE/kms"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kms-secrets-load.XXXXXX")
DATA="$WORK/data"
PID=""
cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Universal Auth's rate limits ([auth], 6000 requests a minute per address and per identity by
# default) are turned off: this measures what the server can serve, not the limiter.
KMS_AUTH_ADDRESS_REQUESTS_PER_MINUTE=0 KMS_AUTH_IDENTITY_REQUESTS_PER_MINUTE=0 \
  "$KMS" serve --data-dir "$DATA" --kmip-addr 127.0.0.1:0 --http-addr 127.0.0.1:0 >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do [[ -s "$DATA/server.json" ]] && break; sleep 0.1; done
HTTP_ADDR=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http_addr"])' "$DATA/server.json")
URL="https://$HTTP_ADDR"
CA="$DATA/certs/ca.pem"
for _ in $(seq 1 100); do curl -fsS --cacert "$CA" "$URL/api/status" >/dev/null 2>&1 && break; sleep 0.1; done

field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }
PROJECT_ID=$("$KMS" project create --slug load --envs dev --data-dir "$DATA" | field id)
creds=$("$KMS" identity create --name load-client --data-dir "$DATA")
CLIENT_ID=$(field clientId <<<"$creds")
CLIENT_SECRET=$(field clientSecret <<<"$creds")
"$KMS" identity attach --name load-client --project load --role viewer --data-dir "$DATA" >/dev/null
pairs=()
for i in $(seq -w 1 "$SECRETS"); do pairs+=("SECRET_$i=value-$i-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"); done
"$KMS" secret set --project load --env dev --path / --data-dir "$DATA" "${pairs[@]}" >/dev/null

TOKEN=$(curl -fsS --cacert "$CA" -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"$CLIENT_ID\",\"clientSecret\":\"$CLIENT_SECRET\"}" \
  "$URL/api/v1/auth/universal-auth/login" | field accessToken)
TARGET="$URL/api/v3/secrets/raw?workspaceId=$PROJECT_ID&environment=dev&secretPath=/"
count=$(curl -fsS --cacert "$CA" -H "Authorization: Bearer $TOKEN" "$TARGET" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["secrets"]))')
[[ "$count" == "$SECRETS" ]] || { echo "the list has $count secrets, not $SECRETS" >&2; exit 1; }
bytes=$(curl -fsS --cacert "$CA" -H "Authorization: Bearer $TOKEN" "$TARGET" | wc -c)

echo "== kms $PROFILE at $URL: GET /api/v3/secrets/raw ($SECRETS secrets, $bytes bytes), $CONNECTIONS connections, $THREADS wrk threads, $DURATION x $RUNS"
echo "== $(nproc) cores, $(uname -m); client and server on this machine"
rates=()
for run in $(seq 1 "$RUNS"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$TARGET" >"$WORK/wrk.$run" 2>&1
  echo "-- run $run"
  cat "$WORK/wrk.$run"
  if grep -q 'Non-2xx or 3xx responses' "$WORK/wrk.$run"; then echo "run $run had error responses" >&2; exit 1; fi
  rates+=("$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.$run")")
done
median=$(printf '%s\n' "${rates[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "secrets-load: requests/s per run: ${rates[*]}; median $median (x$SECRETS secrets per request)"
