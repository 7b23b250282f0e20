#!/usr/bin/env bash
# Runs the PyKMIP 0.11 suite (test_pykmip.py) against a running server.
#
#   run.sh --host HOST --port PORT --ca CA.pem --cert CERT.pem --key KEY.pem
#
# The arguments go to test_pykmip.py unchanged. PyKMIP comes from PyPI into
# a virtualenv: $PYKMIP_VENV, default target/pykmip-venv at the repository
# root, made with $PYTHON (default python3). An existing virtualenv is
# reused when it imports and holds exactly the versions in
# requirements.txt; otherwise it is made again.
#
# Exit status: the suite's (0 all passed, 1 a check failed, 2 bad
# arguments), or 97 when the virtualenv could not be set up (no python3,
# no venv module, PyPI unreachable): then nothing was tested.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
venv="${PYKMIP_VENV:-$root/target/pykmip-venv}"
python="${PYTHON:-python3}"
requirements="$here/requirements.txt"

setup_failed() {
  echo "pykmip setup failed: $*" >&2
  exit 97
}

# True if the virtualenv imports PyKMIP and holds the pinned versions.
ready() {
  [ -x "$venv/bin/python" ] || return 1
  "$venv/bin/python" - "$requirements" <<'PY' >/dev/null 2>&1
import sys
from importlib.metadata import version
import kmip, kmip.pie.client, cryptography  # noqa: F401
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, pinned = line.split("==")
        if version(name) != pinned:
            sys.exit(1)
PY
}

mkdir -p "$(dirname "$venv")" || setup_failed "cannot create $(dirname "$venv")"
# One setup at a time per virtualenv.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$venv.lock" && flock 9
fi
if ! ready; then
  command -v "$python" >/dev/null 2>&1 || setup_failed "$python not found"
  echo "pykmip: creating the virtualenv $venv ($("$python" --version 2>&1))" >&2
  "$python" -m venv --clear "$venv" || setup_failed "$python -m venv failed (is the venv module installed?)"
  "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$requirements" ||
    setup_failed "pip install -r $requirements failed"
  ready || setup_failed "the virtualenv does not import PyKMIP with the pinned versions"
fi
exec 9>&-
exec "$venv/bin/python" -u "$here/test_pykmip.py" "$@"
