#!/usr/bin/env bash
# The real-client suites of the secrets API: the official Infisical Python SDK
# (infisicalsdk 1.0.17), the official Node SDK (@infisical/sdk 5.0.2), and the curl
# walk-through of docs/secrets.md ("From a CI job"), each against a real kms server over
# real TLS.
#
# It uses the debug kms binary already built (target/debug/kms under $CARGO_TARGET_DIR, or
# ./target; built with cargo if missing), serves a fresh temporary data dir on port 0,
# reads the bound addresses from DIR/server.json, seeds tests/sdk/seed.json with the kms CLI
# (through the admin socket), then runs the suites and prints one line per suite:
#   sdk python: N passed, M failed
#   sdk node: N passed, M failed
#   sdk curl: N passed, M failed
# It exits non-zero when any suite fails or could not run. Needs: python3 with
# infisicalsdk==1.0.17 and pytest, node with `npm ci` done in tests/sdk/node, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

KMS="${CARGO_TARGET_DIR:-$ROOT/target}/debug/kms"
if [[ ! -x "$KMS" ]]; then
  echo "== building the debug kms binary"
  cargo build --locked --bin kms
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kms-sdk.XXXXXX")
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

fail() {
  echo "sdk: $*" >&2
  if [[ -f "$WORK/server.log" ]]; then
    echo "---- server log (tail)" >&2
    tail -n 40 "$WORK/server.log" >&2
  fi
  exit 1
}

"$KMS" serve --data-dir "$DATA" --kmip-addr 127.0.0.1:0 --http-addr 127.0.0.1:0 >"$WORK/server.log" 2>&1 &
PID=$!

for _ in $(seq 1 300); do
  [[ -s "$DATA/server.json" ]] && break
  kill -0 "$PID" 2>/dev/null || fail "the server exited at start"
  sleep 0.1
done
[[ -s "$DATA/server.json" ]] || fail "no server.json after 30 s"
HTTP_ADDR=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http_addr"])' "$DATA/server.json")
export KMS_URL="https://$HTTP_ADDR"
export KMS_CA="$DATA/certs/ca.pem"
export REQUESTS_CA_BUNDLE="$KMS_CA"
export NODE_EXTRA_CA_CERTS="$KMS_CA"

up=""
for _ in $(seq 1 100); do
  if curl -fsS --cacert "$KMS_CA" "$KMS_URL/api/status" >/dev/null 2>&1; then up=1; break; fi
  sleep 0.1
done
[[ -n "$up" ]] || fail "GET $KMS_URL/api/status never answered 200"
echo "== kms serving HTTPS at $KMS_URL (data dir $DATA)"

# --- seed: project, identity, secrets (tests/sdk/seed.json) ---
SEED="$ROOT/tests/sdk/seed.json"
seed_get() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$SEED" "$1"; }
SLUG=$(seed_get 'd["project"]["slug"]')
ENVS=$(seed_get '",".join(d["project"]["envs"])')
IDENTITY=$(seed_get 'd["identity"]["name"]')
ROLE=$(seed_get 'd["identity"]["role"]')

json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

project_json=$("$KMS" project create --slug "$SLUG" --envs "$ENVS" --data-dir "$DATA") ||
  fail "kms project create failed"
PROJECT_ID=$(json_field id <<<"$project_json") || fail "kms project create printed no JSON id: $project_json"
identity_json=$("$KMS" identity create --name "$IDENTITY" --data-dir "$DATA") || fail "kms identity create failed"
CLIENT_ID=$(json_field clientId <<<"$identity_json") || fail "kms identity create printed no clientId"
CLIENT_SECRET=$(json_field clientSecret <<<"$identity_json") || fail "kms identity create printed no clientSecret"
"$KMS" identity attach --name "$IDENTITY" --project "$SLUG" --role "$ROLE" --data-dir "$DATA" >/dev/null ||
  fail "kms identity attach failed"
# One `kms secret set` per (env, path), all its KEY=VALUE pairs at once.
while IFS=$'\t' read -r env path pairs; do
  mapfile -d '' kv < <(python3 -c 'import json,sys; sys.stdout.write("\0".join(json.loads(sys.argv[1])))' "$pairs")
  "$KMS" secret set --project "$SLUG" --env "$env" --path "$path" --data-dir "$DATA" "${kv[@]}" >/dev/null ||
    fail "kms secret set --env $env --path $path failed"
done < <(python3 - "$SEED" <<'EOF'
import json, sys
groups = {}
for s in json.load(open(sys.argv[1]))["secrets"]:
    groups.setdefault((s["env"], s["path"]), []).append(f'{s["key"]}={s["value"]}')
for (env, path), pairs in groups.items():
    print(env, path, json.dumps(pairs), sep="\t")
EOF
)
export PROJECT_ID PROJECT_SLUG="$SLUG" CLIENT_ID CLIENT_SECRET
# Secret imports have no CLI: the identity (a member) makes them over REST, as Infisical's
# dashboard would (POST /api/v1/secret-imports).
login_body=$(python3 -c 'import json,os; print(json.dumps({"clientId": os.environ["CLIENT_ID"], "clientSecret": os.environ["CLIENT_SECRET"]}))')
TOKEN=$(curl -fsS --cacert "$KMS_CA" -H 'Content-Type: application/json' -d "$login_body" \
  "$KMS_URL/api/v1/auth/universal-auth/login" | json_field accessToken) || fail "Universal Auth login failed"
while IFS= read -r body; do
  curl -fsS --cacert "$KMS_CA" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "$body" "$KMS_URL/api/v1/secret-imports" >/dev/null || fail "POST /api/v1/secret-imports $body failed"
done < <(python3 - "$SEED" <<'EOF'
import json, os, sys
for i in json.load(open(sys.argv[1])).get("imports", []):
    print(json.dumps({"workspaceId": os.environ["PROJECT_ID"], "environment": i["env"], "path": i["path"],
                      "import": {"environment": i["from"]["env"], "path": i["from"]["path"]}}))
EOF
)
unset TOKEN
echo "== seeded project $SLUG ($PROJECT_ID), identity $IDENTITY as $ROLE"

status=0

# --- Python: infisicalsdk ---
py_pass=0 py_fail=0
set +e
python3 -m pytest -q -p no:cacheprovider "$ROOT/tests/sdk/python" >"$WORK/python.log" 2>&1
py_rc=$?
set -e
cat "$WORK/python.log"
last=$(grep -E '(passed|failed|error)' "$WORK/python.log" | tail -n 1 || true)
py_pass=$(grep -oE '[0-9]+ passed' <<<"$last" | grep -oE '[0-9]+' || echo 0)
py_fail=$(( $(grep -oE '[0-9]+ failed' <<<"$last" | grep -oE '[0-9]+' || echo 0) + $(grep -oE '[0-9]+ errors?' <<<"$last" | grep -oE '[0-9]+' || echo 0) ))
if [[ $py_rc -ne 0 || $py_pass -eq 0 ]]; then status=1; [[ $py_fail -eq 0 ]] && py_fail=1; fi

# --- Node: @infisical/sdk ---
node_pass=0 node_fail=0
set +e
(cd "$ROOT/tests/sdk/node" && node --test --test-reporter=tap test_infisical_sdk.mjs) >"$WORK/node.log" 2>&1
node_rc=$?
set -e
grep -vE '^\s*(duration_ms|\.\.\.|---)' "$WORK/node.log" | grep -E '^(not )?ok |^# (pass|fail)|error|expected|actual|message|StatusCode' || true
node_pass=$(grep -E '^# pass ' "$WORK/node.log" | grep -oE '[0-9]+' || echo 0)
node_fail=$(grep -E '^# fail ' "$WORK/node.log" | grep -oE '[0-9]+' || echo 0)
if [[ $node_rc -ne 0 || $node_pass -eq 0 ]]; then status=1; [[ $node_fail -eq 0 ]] && node_fail=1; fi

# --- curl: the "From a CI job" block of docs/secrets.md, verbatim ---
curl_pass=0 curl_fail=0
python3 - "$ROOT/docs/secrets.md" >"$WORK/walkthrough.sh" <<'EOF' || true
import re, sys
text = open(sys.argv[1]).read()
head = re.search(r"^#+ .*From a CI job.*$", text, re.M)
if not head:
    sys.exit("docs/secrets.md has no 'From a CI job' section")
block = re.search(r"^```sh\n(.*?)^```", text[head.end():], re.M | re.S)
if not block:
    sys.exit("the 'From a CI job' section has no ```sh block")
sys.stdout.write(block.group(1))
EOF
if [[ -s "$WORK/walkthrough.sh" ]]; then
  set +e
  bash "$WORK/walkthrough.sh" >"$WORK/walkthrough.out" 2>"$WORK/walkthrough.err"
  wrc=$?
  set -e
  if [[ $wrc -eq 0 ]]; then curl_pass=$((curl_pass + 1)); else curl_fail=$((curl_fail + 1)); echo "curl walk-through exited $wrc"; cat "$WORK/walkthrough.err"; fi
  # The block lists one environment's root secrets: every seeded value of that environment must show.
  if python3 - "$SEED" "$WORK/walkthrough.out" <<'EOF'
import json, sys
seed = json.load(open(sys.argv[1]))
out = open(sys.argv[2]).read()
for env in seed["project"]["envs"]:
    want = [s["value"] for s in seed["secrets"] if s["env"] == env and s["path"] == "/" and "${" not in s["value"]]
    if want and all(v in out for v in want):
        print(f"curl walk-through listed the {env} secrets")
        sys.exit(0)
print("curl walk-through output lacks the seeded values:\n" + out[:2000])
sys.exit(1)
EOF
  then curl_pass=$((curl_pass + 1)); else curl_fail=$((curl_fail + 1)); fi
else
  curl_fail=1
  echo "no curl walk-through found in docs/secrets.md"
fi
[[ $curl_fail -eq 0 ]] || status=1

echo "sdk python: $py_pass passed, $py_fail failed"
echo "sdk node: $node_pass passed, $node_fail failed"
echo "sdk curl: $curl_pass passed, $curl_fail failed"
if [[ $status -ne 0 ]]; then
  echo "---- server log (tail)"
  tail -n 20 "$WORK/server.log"
fi
exit $status
