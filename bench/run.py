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
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load, report, servers
from bench.generators import generators
from bench.urls import GROWTH, ONE_CONNECTION, UNCACHED, URLS

say = servers.say
BASELINE = "/ping"
HELLO = "/hello"  # bench/hello: a bare Django project with startproject's middleware, on its own gunicorn
# A session cookie makes every page render afresh (the page caches serve only visitors without one), as it does
# for editors, exhibitors and the first visitor after a publish.
UNCACHED_HEADERS = {"Cookie": "sessionid=bench-uncached"}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk open connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--warmup", type=int, default=20, help="requests per URL before loading it (default 20)")
    parser.add_argument("--url", action="append", help="a URL path to load instead of bench/urls.py (repeatable)")
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL instead of SQLite")
    parser.add_argument("--database-url", help="use this existing database (empty; with --reuse-db, as a run left it)")
    parser.add_argument("--scale", choices=("full", "small"), default="full",
                        help="full: 100,000 articles and 10,000 companies; small: 1,000 of each (bench/generators.py)")
    parser.add_argument("--uncached-only", action="store_true", help="load only the uncached renders (and baselines)")
    parser.add_argument("--growth", action="store_true",
                        help="run the uncached renders at the small scale, then everything at full scale, and print "
                             "each page's growth factor (small/full, as ratios to the hello view of each run)")
    parser.add_argument("--reuse-db", action="store_true",
                        help="keep var/bench/db.sqlite3, media and the search index from the last run (migrate and "
                             "collectstatic still run; no demo, generators or reindex)")
    args = parser.parse_args(argv)
    if args.duration < 1 or args.threads < 1 or args.connections < args.threads or args.workers < 1:
        parser.error("need --duration >= 1, --threads >= 1, --connections >= --threads, --workers >= 1")
    return args


def url_list(args):
    urls = list(dict.fromkeys(args.url or URLS))
    for url in urls:
        if not url.startswith("/"):
            sys.exit(f"bench: a URL is a path starting with '/': {url!r}")
    return [BASELINE] + [u for u in urls if u != BASELINE]  # measure() loads the baseline first and last


def fresh_files(args):
    servers.VAR.mkdir(parents=True, exist_ok=True)
    for name in ("results.json", "manage.log", "gunicorn.log", "hello.log"):
        (servers.VAR / name).unlink(missing_ok=True)
    if args.reuse_db and not args.postgres:
        return  # the data of the last run (var/bench/db.sqlite3 or --database-url) stays
    for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
        (servers.VAR / name).unlink(missing_ok=True)
    shutil.rmtree(servers.VAR / "media", ignore_errors=True)


SEARCH_INDEX = {}  # the index build's time and size, filled by prepare() and written into the results


def prepare(manage, scale="full", *, reuse=False):
    """Compile the catalogue, migrate and collect the static files; unless `reuse` (--reuse-db: the data of the
    last run is kept, and so is its search index), load the demo, run the generators and build the search index."""
    say("compilemessages (Chinese pages in Chinese, as in production)")
    manage("compilemessages", "-v", "0", "--ignore=.venv", "--ignore=var")
    say("migrate")
    manage("migrate", "--noinput")
    say("collectstatic")
    manage("collectstatic", "--noinput")
    summary = servers.VAR / "search-index.json"
    if reuse:
        if summary.exists():
            SEARCH_INDEX.update(json.loads(summary.read_text()))
        return
    say("load_demo")
    manage("load_demo")
    for generator in generators(scale):
        if callable(generator):
            say(f"generator {getattr(generator, '__name__', generator)}")
            generator(manage=manage, env=manage.env)
        else:
            say(f"generator manage.py {' '.join(generator)}")
            manage(*generator)
    say("search_reindex (the site-search index over everything generated)")
    started = time.monotonic()
    manage("search_reindex", "--no-progress", f"--summary={summary}")
    SEARCH_INDEX.update(json.loads(summary.read_text()), wall_seconds=round(time.monotonic() - started, 1))
    say(f"search index: {SEARCH_INDEX['documents']} documents in {SEARCH_INDEX['wall_seconds']} s, "
        f"{(SEARCH_INDEX['bytes'] or 0) / 1048576:.0f} MiB")


def check(port, url, log_path, headers=None):
    """None when the URL answers 200, else a short error (and the server's log lines it caused)."""
    offset = log_path.stat().st_size if log_path.exists() else 0
    try:
        status, location = load.fetch(port, url, headers=headers)
    except OSError as exc:
        status, error = None, f"no answer: {exc}"
    else:
        if status == 200:
            return None
        error = f"HTTP {status}" + (f" to {location}" if location else "")
    time.sleep(0.3)  # let the worker finish writing its log
    with open(log_path, errors="replace") as log:
        log.seek(offset)
        logged = log.read().strip()
    say(f"{url} answered {error}, expected 200" + (f"; gunicorn log:\n{logged}" if logged else ""))
    return error


def load_one(args, wrk, server, url, log_path, *, headers=None, label=None, connections=None):
    """One row: check for 200, warm up, load with wrk (through `connections`, else --connections)."""
    process, port = server
    if process.poll() is not None:
        raise RuntimeError(f"gunicorn exited with code {process.returncode}; see {log_path}")
    error = check(port, url, log_path, headers=headers)
    if error:
        return {"url": url, "label": label or url, "error": error}
    load.warm(port, url, args.warmup, headers=headers)
    say(f"loading {label or url} for {args.duration} s")
    connections = connections or args.connections
    data = load.run_wrk(wrk, port=port, path=url, duration=args.duration, threads=min(args.threads, connections),
                        connections=connections, headers=headers)
    if data["errors"]["status"]:
        say(f"{url}: {data['errors']['status']} responses under load were not 2xx/3xx (see {log_path})")
    return {
        "url": url,
        "label": label or url,
        "uncached": bool(headers),
        "connections": connections,
        "requests": data["requests"],
        "rps": round(data["rps"], 1),
        "p50_ms": round(data["p50_ms"], 2),
        "p95_ms": round(data["p95_ms"], 2),
        "p99_ms": round(data["p99_us"] / 1000, 2),
        "max_ms": round(data["max_us"] / 1000, 2),
        "errors": data["errors"],
    }


def ratios(rows, connections):
    """Set each row's ratios to the means of the /ping and /hello rows; rows loaded through another number of
    connections than the baselines get none. Returns the /ping rates."""
    baselines = [r["rps"] for r in rows if r["url"] == BASELINE and "error" not in r]
    baseline = sum(baselines) / len(baselines)
    hellos = [r["rps"] for r in rows if r["url"] == HELLO and "error" not in r]
    hello_rps = sum(hellos) / len(hellos) if hellos else None
    for row in rows:
        if "error" not in row:
            comparable = row["connections"] == connections
            row["ratio_to_ping"] = round(row["rps"] / baseline, 3) if baseline and comparable else None
            row["ratio_to_hello"] = round(row["rps"] / hello_rps, 3) if hello_rps and comparable else None
    return baselines


def measure(args, wrk, server, urls, log_path, hello=None):
    """Rows for every URL; /hello and /ping are loaded first and again last, and ratios use the mean of the two,
    so the two rows of each show how far the machine drifted during the run."""
    hello_log = servers.VAR / "hello.log"
    rows = [load_one(args, wrk, hello, HELLO, hello_log)] if hello else []
    rows.append(load_one(args, wrk, server, BASELINE, log_path))
    if "error" in rows[-1]:
        return rows  # no baseline, nothing to compare with
    if not args.uncached_only:
        rows += [load_one(args, wrk, server, url, log_path) for url in urls[1:]]
    if not args.url:  # at the small scale only the pages of the growth comparison exist
        uncached = GROWTH if args.scale == "small" else list(dict.fromkeys([*UNCACHED, *GROWTH]))
        rows += [load_one(args, wrk, server, url, log_path, headers=UNCACHED_HEADERS, label=f"{url} (uncached)")
                 for url in uncached]
        if args.scale == "full" and not args.uncached_only and args.connections != 1:
            rows += [load_one(args, wrk, server, url, log_path, label=f"{url} (1 connection)", connections=1)
                     for url in ONE_CONNECTION]
    if len(urls) > 1 or args.uncached_only:
        rows.append(dict(load_one(args, wrk, server, BASELINE, log_path), label=f"{BASELINE} (again)"))
        if hello:
            rows.append(dict(load_one(args, wrk, hello, HELLO, hello_log), label=f"{HELLO} (again)"))
    baselines = ratios(rows, args.connections)
    if max(baselines) > 1.25 * min(baselines):
        say(f"WARNING: /ping went from {baselines[0]:.0f} to {baselines[-1]:.0f} req/s during the run; "
            "the machine is noisy, compare ratios with care")
    return rows


def run(args, stack, urls, wrk):
    fresh_files(args)
    tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="valley-bench-"))

    say("starting Redis")
    redis, redis_url = servers.start_redis(Path(tmp) / "redis")
    stack.callback(servers.stop, redis)
    if args.database_url:
        database_url = args.database_url
    elif args.postgres:
        say("starting PostgreSQL")
        postgres = servers.start_postgres()
        stack.callback(postgres.stop)
        database_url = postgres.url
    else:
        database_url = f"sqlite:///{servers.VAR / 'db.sqlite3'}"

    env = servers.bench_env(database_url=database_url, redis_url=redis_url)
    env["SEARCH_RATELIMIT"] = "100000000/m"  # wrk searches from one address
    prepare(servers.Manage(env), args.scale, reuse=args.reuse_db and not args.postgres)

    log_path = servers.VAR / "gunicorn.log"
    say(f"starting gunicorn with {args.workers} workers")
    gunicorn, port = servers.start_gunicorn(env=env, workers=args.workers, log_path=log_path)
    stack.callback(servers.stop, gunicorn)
    say("starting the hello project's gunicorn (the baseline)")
    hello = servers.start_gunicorn(env={**env, "DJANGO_SETTINGS_MODULE": "bench.hello.settings"},
                                   workers=args.workers, log_path=servers.VAR / "hello.log",
                                   app="bench.hello.wsgi:application", probe=HELLO)
    stack.callback(servers.stop, hello[0])
    rows = measure(args, wrk, (gunicorn, port), urls, log_path, hello=hello)
    return rows, servers.workers_rss_mib(gunicorn)


def on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def growth_factors(small_rows, full_rows):
    """{label: small ratio / full ratio} for the uncached renders measured at both scales (1.0: no growth)."""
    small = {r["label"]: r.get("ratio_to_hello") for r in small_rows if r.get("uncached") and "error" not in r}
    return {r["label"]: round(small[r["label"]] / r["ratio_to_hello"], 2) for r in full_rows
            if r.get("uncached") and "error" not in r and small.get(r["label"]) and r.get("ratio_to_hello")}


def main(argv=None):
    args = parse_args(argv)
    if args.growth:
        return main_growth(args)
    return main_once(args)


def main_growth(args):
    small_args = argparse.Namespace(**{**vars(args), "scale": "small", "uncached_only": True, "growth": False})
    code = main_once(small_args)
    small_path = servers.VAR / "results-small.json"
    shutil.copy(servers.VAR / "results.json", small_path)
    full_args = argparse.Namespace(**{**vars(args), "scale": "full", "growth": False, "reuse_db": False})
    code = main_once(full_args) or code
    small, full = report.read_json(small_path), report.read_json(servers.VAR / "results.json")
    factors = growth_factors(small["rows"], full["rows"])
    print("\nGrowth of uncached renders, 1,000 -> 100,000 articles and 1,000 -> 10,000 companies "
          "(ratio to hello at the small scale / at full scale; the target is under 1.5):")
    for label, factor in factors.items():
        print(f"  {factor:5.2f}x  {label}")
    report.write_json(servers.VAR / "results.json", config={**full["config"], "growth": factors}, rows=full["rows"],
                      elapsed=full["elapsed_seconds"], ok=full["ok"])
    return code


def main_once(args):
    urls = url_list(args)
    wrk = load.find_wrk(say)
    if not wrk:
        say("ERROR: wrk is missing and could not be installed (that needs root and apt-get): apt-get install wrk")
        return 1
    started, started_at = time.monotonic(), datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    handled = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {signum: signal.getsignal(signum) for signum in handled}
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        with contextlib.ExitStack() as stack:
            try:
                rows, rss = run(args, stack, urls, wrk)
            finally:  # stop the servers without a second Ctrl-C cutting the cleanup short
                for signum in handled:
                    signal.signal(signum, signal.SIG_IGN)
                say("stopping servers")
    except KeyboardInterrupt:
        say("interrupted; servers stopped")
        return 130
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        say(f"ERROR: {exc}")
        return 1
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    elapsed = time.monotonic() - started
    failed = [r for r in rows if "error" in r or r["errors"]["status"]]
    config = {
        "started_at": started_at,
        "database": "postgresql" if args.postgres or (args.database_url or "").startswith("postgres") else "sqlite",
        "gunicorn_workers": args.workers, "duration_seconds": args.duration, "wrk_threads": args.threads,
        "wrk_connections": args.connections, "warmup_requests": args.warmup, "cpus": os.cpu_count(),
        "load_average_at_end": round(os.getloadavg()[0], 2),  # other work on the machine skews every number
        "web_workers_rss_mib_after": rss,
        "search_index": SEARCH_INDEX,  # documents, build seconds, bytes
        "scale": args.scale,
    }
    print(report.table(rows))
    print(f"web workers' resident memory after the run: {config['web_workers_rss_mib_after']} MiB")
    results = servers.VAR / "results.json"
    report.write_json(results, config=config, rows=rows, elapsed=elapsed, ok=not failed)
    print(f"\n{len({r['url'] for r in rows})} URLs in {elapsed:.0f} s; load average {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} CPUs; results in {results.relative_to(servers.ROOT)}")
    if failed:
        print(f"FAILED: {', '.join(r['url'] for r in failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
