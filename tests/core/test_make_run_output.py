"""`make run` for real (scripts/run.py in a throwaway var directory): the web server's, the worker's and beat's
output goes to var/log/, and the banner with the site's addresses and accounts is the last thing printed, only
once the site answers. It stops everything it started on SIGTERM."""

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from scripts.devservices import free_port
from tests.conftest import ROOT

BANNER_END = "  Press Ctrl-C to stop everything."


@pytest.fixture
def run(tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_", "DATABASE_"))}
    env.update(VALLEY_VAR_DIR=str(tmp_path / "var"), PORT=str(port), SITE_URL=f"http://127.0.0.1:{port}")
    process = subprocess.Popen([sys.executable, "scripts/run.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    yield process, lines, port, tmp_path / "var"
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _wait_for(lines, text, process, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(line.rstrip("\n") == text for line in lines):
            return True
        assert process.poll() is None, "".join(lines)
        time.sleep(0.5)
    return False


def test_banner_is_the_last_thing_printed_and_logs_go_to_var_log(run):
    process, lines, port, var = run
    assert _wait_for(lines, BANNER_END, process, timeout=420), "".join(lines)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=5) as response:
        assert response.status == 200  # the banner came once the site answered
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=30) as response:
        assert response.status == 200  # a request's log line goes to web.log, not the terminal
    time.sleep(8)  # the worker and beat have long started logging by now
    printed = "".join(lines)
    assert printed.rstrip("\n").endswith(BANNER_END), printed[-2000:]
    banner = printed[printed.rindex("Valley Portal is running"):]
    summary = printed[printed.index("What visitors find on the site: "):]  # the demo, as the pages count it
    assert "Companies " in summary.splitlines()[0] and printed.index("What visitors find") < printed.index(banner)
    assert f"http://127.0.0.1:{port}/en/admin/" in banner and "user editor, password editor-demo-2026" in banner
    assert f"{var / 'log'}/ (web.log, worker.log, beat.log)" in banner
    assert "celery@" not in printed and "beat: Starting" not in printed and '"GET /en/ HTTP' not in printed
    assert "ready" in (var / "log" / "worker.log").read_text()
    assert "beat: Starting" in (var / "log" / "beat.log").read_text()
    assert '"GET /en/ HTTP/1.1" 200' in (var / "log" / "web.log").read_text()

    os.kill(process.pid, signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert "[valley] stopping" in "".join(lines)
