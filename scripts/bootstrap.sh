#!/usr/bin/env bash
# Create .venv with Python 3.11+ and install a pinned requirements file into it (again only when it changed).
# Usage: scripts/bootstrap.sh requirements.txt|requirements-dev.txt
set -euo pipefail
cd "$(dirname "$0")/.."
req=${1:-requirements.txt}

if [ ! -x .venv/bin/python ]; then
  py=""
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      py=$candidate; break
    fi
  done
  if [ -z "$py" ]; then
    echo "[valley] Python 3.11 or newer is needed (install the Debian package python3 or python3.11)." >&2
    exit 1
  fi
  echo "[valley] creating .venv with $($py --version)" >&2
  "$py" -m venv .venv
fi

stamp=".venv/.installed-$(basename "$req")"
digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  echo "[valley] installing $req into .venv" >&2
  log=$(mktemp)
  if ! { .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"; } >"$log" 2>&1; then
    grep -v '^WARNING: Location' "$log" >&2
    echo "[valley] pip could not install $req" >&2
    exit 1
  fi
  rm -f "$log"
  echo "$digest" > "$stamp"
fi

# The repository on the venv's path (as an editable install would do), so `.venv/bin/pytest` finds the project's
# pytest plugin (tests/plugin_services.py) and its packages from any directory.
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$(pwd)" > "$site/valley-portal.pth"
