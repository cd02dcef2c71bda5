"""The bench's growth factors (bench/run.py --growth): each uncached page's ratio to the hello view at 1,000
articles and companies, divided by the same ratio at 100,000 articles and 10,000 companies."""

from bench.generators import GENERATORS, generators
from bench.run import growth_factors


def test_the_small_scale_has_a_thousand_articles_and_companies_and_the_rest_unchanged():
    small = {entry[0]: entry[2] for entry in generators("small")}
    full = {entry[0]: entry[2] for entry in GENERATORS}

    assert small["bench_articles"] == "1000" and small["bench_exhibitors"] == "1000"
    assert full["bench_articles"] == "100000" and full["bench_exhibitors"] == "10000"
    assert {name: count for name, count in small.items() if name not in ("bench_articles", "bench_exhibitors")} == {
        name: count for name, count in full.items() if name not in ("bench_articles", "bench_exhibitors")}


def test_growth_compares_the_ratios_of_the_same_uncached_page():
    small = [{"label": "/en/news/ (uncached)", "uncached": True, "ratio_to_hello": 0.09},
             {"label": "/en/news/", "uncached": False, "ratio_to_hello": 0.8},
             {"label": "/broken (uncached)", "uncached": True, "error": "HTTP 500"}]
    full = [{"label": "/en/news/ (uncached)", "uncached": True, "ratio_to_hello": 0.06},
            {"label": "/en/news/", "uncached": False, "ratio_to_hello": 0.7},
            {"label": "/broken (uncached)", "uncached": True, "ratio_to_hello": 0.05}]

    assert growth_factors(small, full) == {"/en/news/ (uncached)": 1.5}
