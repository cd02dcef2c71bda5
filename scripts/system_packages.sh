#!/usr/bin/env bash
# Make sure the Debian packages named as arguments are installed. As root with apt-get, install what is missing;
# otherwise name what is missing and how to install it, and fail.
set -uo pipefail
missing=()
for pkg in "$@"; do
  dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "[valley] installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
      echo "[valley] apt-get could not install: ${missing[*]}" >&2; exit 1; }
  fi
  exit 0
fi
echo "[valley] missing system packages: ${missing[*]}" >&2
echo "[valley] install them with: sudo apt-get install ${missing[*]}" >&2
exit 1
