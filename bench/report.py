"""The printed table and var/bench/results.json."""

import json


def ratio_text(ratio, baseline="ping"):
    return "-" if ratio is None else f"{ratio:.2f}× {baseline}"


def errors_text(errors):
    shown = [f"{n} {kind}" for kind, n in errors.items() if n]
    return ", ".join(shown) or "-"


def table(rows):
    """rows: dicts with url and either the wrk numbers or an `error`."""
    header = ("URL", "req/s", "p50 ms", "p95 ms", "vs hello", "vs ping", "errors")
    lines = []
    for row in rows:
        name = row.get("label", row["url"])
        if "error" in row:
            lines.append((name, "-", "-", "-", "-", "-", row["error"]))
        else:
            lines.append((name, f"{row['rps']:.1f}", f"{row['p50_ms']:.2f}", f"{row['p95_ms']:.2f}",
                          ratio_text(row.get("ratio_to_hello"), "hello"), ratio_text(row["ratio_to_ping"]),
                          errors_text(row["errors"])))
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    left = {0, 6}  # URL and errors read left to right; numbers align right

    def fmt(line):
        cells = [str(c).ljust(w) if i in left else str(c).rjust(w) for i, (c, w) in enumerate(zip(line, widths))]
        return "  ".join(cells).rstrip()

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, lines)])


def write_json(path, *, config, rows, elapsed, ok):
    data = {"ok": ok, "elapsed_seconds": round(elapsed, 1), "config": config, "results": rows}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def read_json(path):
    """What write_json wrote: {"ok", "elapsed_seconds", "config", "rows"}."""
    data = json.loads(path.read_text())
    return {**data, "rows": data["results"]}
