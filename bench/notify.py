"""Notification fan-out benchmark: `python bench/notify.py [--count 20000] [--postgres] [--concurrency 2]`.

N confirmed subscribers, one platform announcement, one Celery worker delivering into a local SMTP server
(aiosmtpd, a separate process). Prints emails/s and the total time from recording the event to the last email.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers
from scripts import devservices

say = servers.say
VAR = servers.ROOT / "var" / "bench-notify"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20000, help="subscribers (default 20,000)")
    parser.add_argument("--concurrency", type=int, default=2, help="processes of the one worker (default 2)")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL instead of SQLite")
    parser.add_argument("--timeout", type=int, default=900, help="seconds to wait for the last email")
    return parser.parse_args(argv)


def sink_command(port):
    """Postfix's smtp-sink (C, pipelining) when installed; else aiosmtpd, which caps the rate at a few hundred/s."""
    if shutil.which("smtp-sink") or Path("/usr/sbin/smtp-sink").exists():
        say("SMTP server: Postfix smtp-sink")
        return [shutil.which("smtp-sink") or "/usr/sbin/smtp-sink", "-u", "nobody", f"127.0.0.1:{port}", "256"]
    say("SMTP server: aiosmtpd (install Debian's postfix for its faster smtp-sink)")
    return [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"]


def outbox_status(manage):
    out = subprocess.run([sys.executable, "manage.py", "outbox_status"], cwd=servers.ROOT, env=manage.env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv):
    args = parse_args(argv)
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "db.sqlite3").unlink(missing_ok=True)
    started, postgres = [], None
    try:
        redis_port = devservices.free_port()
        started.append(devservices.start_redis(port=redis_port, data_dir=tempfile.mkdtemp(prefix="vp-bn-redis-"),
                                               appendonly=False))
        smtp_port = devservices.free_port()
        started.append(subprocess.Popen(sink_command(smtp_port), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL))
        devservices.wait_for_port(smtp_port, process=started[-1], name="SMTP sink")
        if args.postgres:
            postgres = devservices.Postgres(port=devservices.free_port()).start()
        database_url = postgres.url if postgres else f"sqlite:///{VAR / 'db.sqlite3'}"
        env = servers.bench_env(database_url=database_url, redis_url=f"redis://127.0.0.1:{redis_port}/0")
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
        manage = servers.Manage(env)
        manage.log_path = VAR / "manage.log"
        say("migrating and creating subscribers")
        manage("migrate", "--noinput")
        manage("bench_subscribers", "--count", str(args.count))
        worker_log = open(VAR / "worker.log", "wb")
        started.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", f"--concurrency={args.concurrency}",
             "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--hostname=bench@%h"],
            cwd=servers.ROOT, env=env, stdout=worker_log, stderr=subprocess.STDOUT))
        time.sleep(5)  # the worker's processes start
        say(f"recording one announcement for {args.count} subscribers")
        t0 = time.time()
        manage("announce", "--key", f"bench-{int(t0)}", "--title-en", "Benchmark", "--title-zh", "基准测试",
               "--text-en", "A benchmark message.", "--text-zh", "一条基准测试消息。")
        recorded = time.time() - t0
        deadline = time.monotonic() + args.timeout
        while True:
            status = outbox_status(manage)
            done = status["states"].get("sent", 0) + status["states"].get("failed", 0)
            if done >= args.count or time.monotonic() > deadline:
                break
            time.sleep(1)
        first, last = (datetime.fromisoformat(status[k]).timestamp() for k in ("first", "last"))
        sent = status["states"].get("sent", 0)
        total = last - t0
        print(f"\n{sent} of {args.count} emails sent ({status['states']})")
        print(f"recording the event: {recorded:.1f} s (one transaction, outbox rows for every subscriber)")
        print(f"sending: {sent / (last - first):.0f} emails/s from first to last email")
        print(f"total from recording to the last email: {total:.1f} s = {sent / total:.0f} emails/s overall")
        return 0 if sent == args.count else 1
    finally:
        for process in reversed(started):
            devservices.stop(process)
        if postgres:
            postgres.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
