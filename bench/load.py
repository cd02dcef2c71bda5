"""Requests against the server under test: a status check, warm-up, and a timed wrk run."""

import http.client
import json
import os
import shutil
import subprocess
from pathlib import Path

LUA_SCRIPT = Path(__file__).resolve().parent / "report.lua"
MARKER = "BENCH_RESULT "


def fetch(port, path, timeout=10, headers=None):
    """One anonymous GET on loopback, redirects not followed: (status, Location header or None)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        conn.close()


def warm(port, path, count, headers=None):
    for _ in range(count):
        fetch(port, path, headers=headers)


def find_wrk(say):
    """Path of wrk, installing the Debian package when we are root and have apt-get; None if it stays missing."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")

    def apt(*args):
        say(f"apt-get {' '.join(args)}")
        return subprocess.run(["apt-get", *args], check=False, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL,
                              timeout=600).returncode == 0

    if not apt("install", "-y", "wrk"):
        apt("update")
        apt("install", "-y", "wrk")
    return shutil.which("wrk")


def run_wrk(wrk, *, port, path, duration, threads, connections, headers=None):
    """Load one URL for `duration` seconds; returns the numbers printed by report.lua."""
    args = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-s", str(LUA_SCRIPT)]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    args.append(f"http://127.0.0.1:{port}{path}")
    result = subprocess.run(args, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            timeout=duration + 60)
    for line in result.stdout.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER):])
            seconds = data["duration_us"] / 1e6
            data["rps"] = data["requests"] / seconds if seconds else 0.0
            data["p50_ms"] = data["p50_us"] / 1000
            data["p95_ms"] = data["p95_us"] / 1000
            return data
    raise RuntimeError(f"wrk printed no result (exit {result.returncode}):\n{result.stdout}{result.stderr}")
