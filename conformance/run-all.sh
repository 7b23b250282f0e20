#!/usr/bin/env bash
# Runs the OASIS conformance vectors against a fresh `kms serve` per version
# folder (vectors/oasis/kmip-1.4, kmip-2.0, kmip-2.1), over mutual TLS with
# the admin certificate of the server's development PKI. The files listed in
# conformance/server-configs.toml are left out of that run; after it, each
# config with files in the folder gets a fresh server of its own, started
# with the config's settings as its config file, that runs just those files.
#
# Then the MSGENC files of each folder (MSGENC-HTTPS-*, MSGENC-JSON-*,
# MSGENC-XML-*) run once more against a fresh server, through its HTTPS side
# listener (`--http`: POST /kmip in binary TTLV, KMIP JSON or KMIP XML as
# the file's name says).
#
# Prints the runner's per-file lines, then each run's last line, then
# `conformance: N passed, M failed, K skipped` over all runs on the KMIP
# port and `conformance over HTTPS: N passed, M failed, K skipped` over the
# HTTPS runs. Exits non-zero
# if any file failed (a stale skip is a failure), if a server did not start,
# or if the runner could not run.
#
# Environment (all optional):
#   CONFORMANCE_VERSIONS       version folders to run (default: "kmip-1.4 kmip-2.0 kmip-2.1")
#   CONFORMANCE_START_TIMEOUT  seconds to wait for a server to come up (default 60)
#   CONFORMANCE_RUN_TIMEOUT    seconds one runner invocation may take (default 900)
#   CONFORMANCE_ARGS           extra runner arguments (e.g. "--verbose")
#   CONFORMANCE_KEEP           1 = keep the data dirs and server logs
#
# The servers see a SoftHSM2 token (label kms-conformance, the config
# "softhsm2" in server-configs.toml) that this script initialises in a
# temporary directory with softhsm2-util: SOFTHSM2_CONF points at it and
# KMS_CONFORMANCE_HSM_PIN holds its PIN.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

read -r -a VERSIONS <<<"${CONFORMANCE_VERSIONS:-kmip-1.4 kmip-2.0 kmip-2.1}"
START_TIMEOUT="${CONFORMANCE_START_TIMEOUT:-60}"
RUN_TIMEOUT="${CONFORMANCE_RUN_TIMEOUT:-900}"
read -r -a EXTRA_ARGS <<<"${CONFORMANCE_ARGS:-}"

SERVER_PID=""
DATA_DIRS=()

cleanup() {
  local status=$?
  stop_server
  if [[ "${CONFORMANCE_KEEP:-0}" != 1 ]]; then
    for dir in "${DATA_DIRS[@]}"; do
      rm -rf -- "$dir" "$dir.log" "$dir.toml"
    done
  fi
  if [[ -n "${HSM_DIR:-}" ]]; then
    rm -rf -- "$HSM_DIR"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Stops the server this script started (SIGTERM, then SIGKILL after 20 s).
stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  local pid="$SERVER_PID"
  SERVER_PID=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "run-all: server $pid did not stop on SIGTERM within 20 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# The KMIP address in DIR/server.json: the first string value under a key
# containing "kmip" (at any depth) that looks like host:port.
kmip_addr() {
  local json="$1"
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$json" <<'EOF'
import json, re, sys
doc = json.load(open(sys.argv[1]))
addr = re.compile(r"^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d+$")
def find(node, under_kmip=False):
    if isinstance(node, dict):
        for key, value in node.items():
            hit = find(value, under_kmip or "kmip" in key.lower())
            if hit:
                return hit
    elif isinstance(node, list):
        for value in node:
            hit = find(value, under_kmip)
            if hit:
                return hit
    elif isinstance(node, str) and under_kmip and addr.match(node):
        return node
    return None
hit = find(doc)
if hit:
    print(hit)
EOF
  else
    grep -o '"[A-Za-z_]*kmip[A-Za-z_]*"[[:space:]]*:[[:space:]]*"[^"]*"' "$json" | head -n 1 |
      sed 's/.*:[[:space:]]*"\([^"]*\)"$/\1/'
  fi
}

# The HTTP side listener's address in DIR/server.json (its "http_addr").
http_addr() {
  local json="$1"
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("http_addr", ""))' "$json"
  else
    grep -o '"http_addr"[[:space:]]*:[[:space:]]*"[^"]*"' "$json" | head -n 1 |
      sed 's/.*:[[:space:]]*"\([^"]*\)"$/\1/'
  fi
}

# True once host:port accepts a TCP connection.
port_open() {
  local host="${1%:*}" port="${1##*:}"
  host="${host#[}"
  host="${host%]}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# The SoftHSM2 token of the "softhsm2" server config.
HSM_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kms-conformance-softhsm.XXXXXX")"
mkdir -p "$HSM_DIR/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' \
  "$HSM_DIR/tokens" >"$HSM_DIR/softhsm2.conf"
export SOFTHSM2_CONF="$HSM_DIR/softhsm2.conf"
export KMS_CONFORMANCE_HSM_PIN="conformance-4711"
if command -v softhsm2-util >/dev/null 2>&1; then
  softhsm2-util --init-token --free --label kms-conformance --so-pin conformance-so \
    --pin "$KMS_CONFORMANCE_HSM_PIN" >/dev/null
else
  echo "run-all: softhsm2-util not found (Debian package softhsm2): the softhsm2 server config cannot start" >&2
fi

echo "run-all: building kms and conformance"
cargo build --quiet -p kms -p conformance --bins
TARGET_DIR="${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}"
KMS="$TARGET_DIR/debug/kms"
RUNNER="$TARGET_DIR/debug/conformance"
for bin in "$KMS" "$RUNNER"; do
  [[ -x "$bin" ]] || { echo "run-all: $bin was not built" >&2; exit 2; }
done

SERVE_EXTRA=()
if "$KMS" serve --help 2>&1 | grep -q -- '--http-addr'; then
  SERVE_EXTRA=(--http-addr 127.0.0.1:0)
fi

RUN_WITH_TIMEOUT=()
if command -v timeout >/dev/null 2>&1; then
  RUN_WITH_TIMEOUT=(timeout --signal=TERM --kill-after=10 "$RUN_TIMEOUT")
fi

CONFIGS=conformance/server-configs.toml
CONFIG_ARGS=(--server-configs "$CONFIGS")

failed_any=0
total_passed=0
total_failed=0
total_skipped=0
https_passed=0
https_failed=0
https_skipped=0
SUMMARIES=()

# A fresh data dir for the run LABEL (a word), remembered for the cleanup.
new_data_dir() {
  DATA="$(mktemp -d "${TMPDIR:-/tmp}/kms-conformance-$1.XXXXXX")"
  DATA_DIRS+=("$DATA")
}

# Starts `kms serve` on the data dir DATA (log in DATA.log) with the extra
# serve arguments given, and waits for its KMIP listener; sets SERVER_PID and
# ADDR. Exits the script (log tail printed) if the server does not come up.
start_server() {
  local label="$1" data="$2"
  shift 2
  local log="$data.log"
  echo "run-all: $label: starting kms serve --data-dir $data $*"
  "$KMS" serve --data-dir "$data" --kmip-addr 127.0.0.1:0 "${SERVE_EXTRA[@]}" "$@" >"$log" 2>&1 &
  SERVER_PID=$!

  ADDR=""
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "run-all: $label: kms serve exited early; its log:" >&2
      tail -n 50 "$log" >&2 || true
      SERVER_PID=""
      exit 1
    fi
    if [[ -s "$data/server.json" && -s "$data/certs/ca.pem" && -s "$data/certs/admin.pem" && -s "$data/certs/admin.key" ]]; then
      ADDR="$(kmip_addr "$data/server.json" || true)"
      if [[ -n "$ADDR" ]] && port_open "$ADDR"; then
        break
      fi
    fi
    sleep 0.2
  done
  if [[ -z "$ADDR" ]] || ! port_open "$ADDR"; then
    echo "run-all: $label: no KMIP listener within ${START_TIMEOUT}s (address from server.json: '${ADDR}')" >&2
    [[ -f "$data/server.json" ]] && { echo "server.json:" >&2; cat "$data/server.json" >&2; }
    tail -n 50 "$log" >&2 || true
    exit 1
  fi
  echo "run-all: $label: server at $ADDR"
}

# Runs the runner with the given arguments against the server started on
# DATA, stops the server, and adds the run's counts to the totals (those of
# the HTTPS runs when the arguments start with --http).
run_runner() {
  local label="$1" data="$2"
  shift 2
  local out="$data/runner.out" status last totals=total addr="$ADDR"
  if [[ "${1:-}" == --http ]]; then
    totals=https
    addr="$(http_addr "$data/server.json" || true)"
  fi
  set +e
  "${RUN_WITH_TIMEOUT[@]}" "$RUNNER" --addr "$addr" \
    --ca "$data/certs/ca.pem" --cert "$data/certs/admin.pem" --key "$data/certs/admin.key" \
    --skip conformance/skip.toml "${CONFIG_ARGS[@]}" "${EXTRA_ARGS[@]}" "$@" | tee "$out"
  status=${PIPESTATUS[0]}
  set -e
  stop_server

  last="$(tail -n 1 "$out" 2>/dev/null || true)"
  if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
    declare -g "${totals}_passed=$(( ${totals}_passed + BASH_REMATCH[1] ))"
    declare -g "${totals}_failed=$(( ${totals}_failed + BASH_REMATCH[2] ))"
    declare -g "${totals}_skipped=$(( ${totals}_skipped + BASH_REMATCH[3] ))"
  else
    last="runner did not finish (exit status $status)"
    declare -g "${totals}_failed=$(( ${totals}_failed + 1 ))"
  fi
  if [[ $status -ne 0 ]]; then
    failed_any=1
    if [[ $status -ne 1 ]]; then
      echo "run-all: $label: runner exit status $status; server log tail:" >&2
      tail -n 30 "$data.log" >&2 || true
    fi
  fi
  SUMMARIES+=("$label: $last")
}

for version in "${VERSIONS[@]}"; do
  folder="vectors/oasis/$version"
  [[ -d "$folder" ]] || { echo "run-all: no folder $folder" >&2; exit 2; }

  # The default server: every file that belongs to no server config.
  new_data_dir "$version"
  start_server "$version" "$DATA"
  run_runner "$version" "$DATA" "$folder"

  # A server per config with files in this folder, on its settings.
  configs="$("$RUNNER" "${CONFIG_ARGS[@]}" --list-server-configs "$folder")" ||
    { echo "run-all: $version: cannot read $CONFIGS" >&2; exit 2; }
  mapfile -t names <<<"$configs"
  for name in "${names[@]}"; do
    [[ -n "$name" ]] || continue
    label="$version with server config $name"
    new_data_dir "$version-$name"
    "$RUNNER" "${CONFIG_ARGS[@]}" --print-server-settings "$name" >"$DATA.toml" ||
      { echo "run-all: $label: cannot write its settings" >&2; exit 2; }
    start_server "$label" "$DATA" --config "$DATA.toml"
    run_runner "$label" "$DATA" --server-config "$name" "$folder"
  done

  # The message-encoding files once more, through the HTTPS side listener.
  mapfile -t msgenc < <(find "$folder" -name 'MSGENC-*.xml' | sort)
  if ((${#msgenc[@]} > 0)); then
    label="$version over HTTPS"
    new_data_dir "$version-https"
    start_server "$label" "$DATA"
    run_runner "$label" "$DATA" --http "${msgenc[@]}"
  fi
done

echo
for line in "${SUMMARIES[@]}"; do
  echo "$line"
done
echo "conformance: $total_passed passed, $total_failed failed, $total_skipped skipped"
echo "conformance over HTTPS: $https_passed passed, $https_failed failed, $https_skipped skipped"
exit "$failed_any"
