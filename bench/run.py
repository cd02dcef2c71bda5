"""Benchmark the portal under production settings: `python bench/run.py [--duration 10] [--postgres] [--url /x/]`.

Starts a throwaway Redis (and PostgreSQL with --postgres; SQLite under var/bench/ otherwise), prepares the
database (migrate, collectstatic, load_demo, bench/generators.py), runs gunicorn on a free loopback port, and
loads each URL of bench/urls.py with wrk. Prints req/s, p50/p95 latency and the ratio to /ping, writes
var/bench/results.json, stops everything it started, and exits 1 when a URL does not answer 200.
Logs: var/bench/manage.log (preparation) and var/bench/gunicorn.log (the server's error log).
"""

import argparse
import contextlib
import datetime
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load, report, servers  # noqa: E402
from bench.generators import GENERATORS  # noqa: E402
from bench.urls import URLS  # noqa: E402

say = servers.say
BASELINE = "/ping"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk open connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--warmup", type=int, default=20, help="requests per URL before loading it (default 20)")
    parser.add_argument("--url", action="append", help="a URL path to load instead of bench/urls.py (repeatable)")
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL instead of SQLite")
    parser.add_argument("--reuse-db", action="store_true",
                        help="keep var/bench/db.sqlite3 and media from the last run (migrate still runs)")
    args = parser.parse_args(argv)
    if args.duration < 1 or args.threads < 1 or args.connections < args.threads or args.workers < 1:
        parser.error("need --duration >= 1, --threads >= 1, --connections >= --threads, --workers >= 1")
    return args


def url_list(args):
    urls = list(dict.fromkeys(args.url or URLS))
    for url in urls:
        if not url.startswith("/"):
            sys.exit(f"bench: a URL is a path starting with '/': {url!r}")
    return [BASELINE] + [u for u in urls if u != BASELINE]


def fresh_files(args):
    servers.VAR.mkdir(parents=True, exist_ok=True)
    for name in ("results.json", "manage.log", "gunicorn.log"):
        (servers.VAR / name).unlink(missing_ok=True)
    if args.reuse_db and not args.postgres:
        return
    for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
        (servers.VAR / name).unlink(missing_ok=True)
    shutil.rmtree(servers.VAR / "media", ignore_errors=True)


def prepare(manage):
    say("migrate")
    manage("migrate", "--noinput")
    say("collectstatic")
    manage("collectstatic", "--noinput")
    if manage.has_command("load_demo"):
        say("load_demo")
        manage("load_demo")
    else:
        say("WARNING: manage.py has no load_demo command yet; measuring without demo data")
    for generator in GENERATORS:
        if callable(generator):
            say(f"generator {getattr(generator, '__name__', generator)}")
            generator(manage=manage, env=manage.env)
        else:
            say(f"generator manage.py {' '.join(generator)}")
            manage(*generator)


def check(port, url, log_path):
    """None when the URL answers 200, else a short error (and the server's log lines it caused)."""
    offset = log_path.stat().st_size if log_path.exists() else 0
    try:
        status, _body = load.fetch(port, url)
    except OSError as exc:
        status, error = None, f"no answer: {exc}"
    else:
        if status == 200:
            return None
        error = f"HTTP {status}"
    time.sleep(0.3)  # let the worker finish writing its log
    with open(log_path, errors="replace") as log:
        log.seek(offset)
        logged = log.read().strip()
    say(f"{url} answered {error}, expected 200" + (f"; gunicorn log:\n{logged}" if logged else ""))
    return error


def measure(args, wrk, port, urls, log_path):
    rows, baseline_rps = [], None
    for url in urls:
        error = check(port, url, log_path)
        if error:
            rows.append({"url": url, "error": error})
            if url == BASELINE:
                break  # no baseline, nothing to compare with
            continue
        load.warm(port, url, args.warmup)
        say(f"loading {url} for {args.duration} s")
        data = load.run_wrk(wrk, port=port, path=url, duration=args.duration, threads=args.threads,
                            connections=args.connections)
        if url == BASELINE:
            baseline_rps = data["rps"]
        row = {
            "url": url,
            "requests": data["requests"],
            "rps": round(data["rps"], 1),
            "p50_ms": round(data["p50_ms"], 2),
            "p95_ms": round(data["p95_ms"], 2),
            "p99_ms": round(data["p99_us"] / 1000, 2),
            "max_ms": round(data["max_us"] / 1000, 2),
            "ratio_to_ping": round(data["rps"] / baseline_rps, 3) if baseline_rps else None,
            "errors": data["errors"],
        }
        if data["errors"]["status"]:
            say(f"{url}: {data['errors']['status']} responses under load were not 2xx/3xx (see {log_path})")
        rows.append(row)
    return rows


def run(args, stack):
    urls = url_list(args)
    wrk = load.find_wrk(say)
    if not wrk:
        sys.exit("bench: wrk is missing and could not be installed (needs root and apt-get): apt-get install wrk")
    fresh_files(args)
    tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="valley-bench-"))

    say("starting Redis")
    redis, redis_url = servers.start_redis(Path(tmp) / "redis")
    stack.callback(servers.stop, redis)
    if args.postgres:
        say("starting PostgreSQL")
        postgres = servers.start_postgres()
        stack.callback(postgres.stop)
        database_url = postgres.url
    else:
        database_url = f"sqlite:///{servers.VAR / 'db.sqlite3'}"

    env = servers.bench_env(database_url=database_url, redis_url=redis_url)
    prepare(servers.Manage(env))

    log_path = servers.VAR / "gunicorn.log"
    say(f"starting gunicorn with {args.workers} workers")
    gunicorn, port = servers.start_gunicorn(env=env, workers=args.workers, log_path=log_path)
    stack.callback(servers.stop, gunicorn)
    return measure(args, wrk, port, urls, log_path)


def on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    try:
        with contextlib.ExitStack() as stack:
            try:
                rows = run(args, stack)
            finally:  # stop the servers without a second Ctrl-C cutting the cleanup short
                for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                    signal.signal(signum, signal.SIG_IGN)
                say("stopping servers")
    except KeyboardInterrupt:
        say("interrupted; servers stopped")
        return 130
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        say(f"ERROR: {exc}")
        return 1
    elapsed = time.monotonic() - started
    failed = [r for r in rows if "error" in r or r["errors"]["status"]]
    config = {
        "started_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": "postgresql" if args.postgres else "sqlite",
        "gunicorn_workers": args.workers, "duration_seconds": args.duration, "wrk_threads": args.threads,
        "wrk_connections": args.connections, "warmup_requests": args.warmup, "cpus": os.cpu_count(),
    }
    print(report.table(rows))
    results = servers.VAR / "results.json"
    report.write_json(results, config=config, rows=rows, elapsed=elapsed, ok=not failed)
    print(f"\n{len(rows)} URLs in {elapsed:.0f} s; results in {results.relative_to(servers.ROOT)}")
    if failed:
        print(f"FAILED: {', '.join(r['url'] for r in failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
