"""Extra data generators, run after `load_demo` and before anything is measured.

Append an entry when a benchmark needs more data than the demo (e.g. thousands of articles). An entry is either
- a list of manage.py arguments, e.g. ["bench_articles", "--count", "5000"], run with the same settings and
  environment as the server under test (production settings, the bench database, Redis, STATIC_ROOT, MEDIA_ROOT); or
- a callable `generator(manage, env)`: `manage("cmd", "--opt")` runs a manage.py command in that environment and
  `env` is the environment mapping, for anything that is not a management command.
Generators run in list order on a fresh database, so they need not be idempotent (but should be deterministic,
so that runs compare).
"""

GENERATORS = [
    ["bench_articles", "--count", "100000"],  # the scale the performance targets are set at
    ["bench_trading_notices", "--count", "20000"],
    ["bench_forum_sessions", "--count", "2000"],
    ["bench_exhibitors", "--count", "10000"],
    ["bench_requirements", "--count", "10000"],
]

# `--scale small` (and the first half of `--growth`): the same data with 1,000 articles and 1,000 companies, so the
# growth of each page's cost from 1,000 to 100,000 articles (1,000 to 10,000 companies) can be computed.
SMALL_COUNTS = {"bench_articles": "1000", "bench_exhibitors": "1000"}


def generators(scale="full"):
    if scale == "full":
        return GENERATORS
    return [[entry[0], "--count", SMALL_COUNTS.get(entry[0], entry[2])] if isinstance(entry, list) else entry
            for entry in GENERATORS]
