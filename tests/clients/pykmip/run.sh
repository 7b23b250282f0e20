#!/usr/bin/env bash
# Creates (or reuses) a virtualenv with PyKMIP and runs test_pykmip.py.
# Usage: run.sh HOST PORT CA CERT KEY   (venv in $PYKMIP_VENV, default target/pykmip-venv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PYKMIP_VENV:-$here/../../../target/pykmip-venv}"
if ! "$venv/bin/python" -c 'import kmip' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
exec "$venv/bin/python" "$here/test_pykmip.py" "$@"
