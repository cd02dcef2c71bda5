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
    "/en/news/",
    "/zh-hans/news/?page=50",
    "/en/news/bench-article-1000/",
    "/zh-hans/news/bench-wenzhang-1000/",
    "/en/trading/natural-rubber/?type=fees&year=2025",
    "/zh-hans/trading/natural-rubber/?type=risk&year=2024&page=10",
    "/en/trading/natural-rubber/?q=%5B2024%5D+No.+120",
    "/en/trading/natural-rubber/2026/risk-1/",
    "/zh-hans/trading/banner.json",
    "/en/forums/",
    "/en/forums/?day=2026-09-18&forum=bench-forum-7",
    "/zh-hans/forums/grid/?day=2026-09-18",
    "/en/forums/schedule.json",
    "/en/expo/bench-expo-2026/exhibitors/?hall=H3&category=tires&segment=downstream&page=2",
    "/zh-hans/expo/bench-expo-2026/exhibitors/?q=%E9%9D%92%E5%B2%9B%E8%BD%AE%E8%83%8E",
    "/en/expo/companies/bench-company-05000/",
    "/en/docking/?status=all&category=machinery",
    "/zh-hans/docking/?region=shandong&page=5",
    "/en/docking/requirements/1000/",
    # Site search (never cached): a 2-character and a 4-character Chinese query, a 2-word English query.
    "/zh-hans/search/?q=%E8%BD%AE%E8%83%8E",
    "/zh-hans/search/?q=%E5%A4%A9%E7%84%B6%E6%A9%A1%E8%83%B6",
    "/en/search/?q=radial+tire",
]

# Loaded again through one connection (wrk -t1 -c1): a visitor alone on the site. Issue target for the site search:
# p95 <= 50 ms at 1 and at 8 connections. These rows carry no ratios (the baselines are loaded at 8).
ONE_CONNECTION = [url for url in URLS if url.startswith(("/zh-hans/search/", "/en/search/"))]

# Loaded again with a session cookie, which no page cache answers: the cost of a render (editors, exhibitors,
# the first visitor after a publish). Issue target: at least 0.15x the hello view each.
UNCACHED = [
    "/en/",
    "/en/news/",
    "/zh-hans/news/?page=2000",
    "/en/news/bench-article-1000/",
    "/en/expo/bench-expo-2026/exhibitors/?hall=H3&category=tires&segment=downstream&page=2",
    "/en/expo/companies/bench-company-05000/",
    "/en/forums/?day=2026-09-18",
    "/zh-hans/forums/grid/?day=2026-09-18",
    "/en/trading/natural-rubber/?type=fees&year=2025",
    "/en/trading/natural-rubber/2026/risk-1/",
    "/en/docking/?status=all&category=machinery",
    "/en/docking/requirements/1000/",
]

# Uncached renders that exist at both scales of `--growth` (1,000 and 100,000 articles; 1,000 and 10,000
# companies): each page's growth factor compares the same URL.
GROWTH = [
    "/en/news/",
    "/zh-hans/news/?page=50",
    "/en/news/bench-article-500/",
    "/en/expo/bench-expo-2026/exhibitors/?hall=H1&category=tires&segment=downstream",
    "/en/expo/companies/bench-company-00500/",
]
