"""The URLs `bench/run.py` loads, in order. Append yours; `--url` on the command line replaces the list.

Each URL must answer 200 to an anonymous GET without following redirects. /ping (a bare view) is the baseline
every other URL is compared with; run.py always measures it first, even when it is not listed.
"""

URLS = [
    "/ping",
    "/en/",
    "/zh-hans/",
    "/en/about/",
    "/zh-hans/expo/",
    "/healthz",
]
