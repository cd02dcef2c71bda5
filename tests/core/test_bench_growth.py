"""The bench's growth factors (bench/run.py --growth): each uncached page's ratio to the hello view at 1,000
articles and companies, divided by the same ratio at 100,000 articles and 10,000 companies."""

from bench.generators import GENERATORS, generators
from bench.run import growth_factors, ratios
from bench.urls import ONE_CONNECTION


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


def test_the_search_is_loaded_again_through_one_connection_and_those_rows_get_no_ratios():
    assert ONE_CONNECTION == ["/zh-hans/search/?q=%E8%BD%AE%E8%83%8E", "/zh-hans/search/?q=%E5%A4%A9%E7%84%B6%E6%A9%A1%E8%83%B6",
                              "/en/search/?q=radial+tire"]
    rows = [{"url": "/hello", "rps": 6000.0, "connections": 8}, {"url": "/ping", "rps": 2000.0, "connections": 8},
            {"url": "/en/search/?q=radial+tire", "rps": 300.0, "connections": 8},
            {"url": "/en/search/?q=radial+tire", "rps": 130.0, "connections": 1},
            {"url": "/broken", "error": "HTTP 500"}]

    assert ratios(rows, 8) == [2000.0]
    assert (rows[2]["ratio_to_hello"], rows[2]["ratio_to_ping"]) == (0.05, 0.15)
    assert (rows[3]["ratio_to_hello"], rows[3]["ratio_to_ping"]) == (None, None)
    assert "ratio_to_hello" not in rows[4]
