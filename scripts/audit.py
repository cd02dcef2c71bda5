"""`make audit`: Lighthouse (desktop and mobile), axe-core and the Nu HTML checker on the main public pages, in
both languages, printed as one table (then what failed, per page).

    .venv/bin/python scripts/audit.py [--base http://127.0.0.1:8000] [--pages home,news] [--languages en]
                                      [--json var/audit/report.json]

Without --base it serves a throwaway demo of its own (a new SQLite database, its own Redis and web server, all
under var/audit/) and stops it afterwards, so it never touches the database of `make run`. The npm tools are
pinned in scripts/audit/package.json and package-lock.json and installed into var/audit/node_modules; Chromium is
/usr/bin/chromium (Lighthouse and, through Playwright, axe-core); Java runs the Nu checker. A tool, not a test:
`make test` does not run it.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import devservices
from devservices import say

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "var" / "audit"
TOOLS = ROOT / "scripts" / "audit"
NODE_MODULES = AUDIT / "node_modules"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("home", "news", "article", "expo", "directory", "company", "forums", "grid", "trading", "notice")


# --- the tools ---------------------------------------------------------------------------------------------------

def tools_install():
    """npm ci into var/audit when the pinned files changed since the last install."""
    AUDIT.mkdir(parents=True, exist_ok=True)
    wanted = [(TOOLS / name).read_text() for name in ("package.json", "package-lock.json")]
    have = [(AUDIT / name).read_text() if (AUDIT / name).exists() else None
            for name in ("package.json", "package-lock.json")]
    if wanted == have and (NODE_MODULES / ".bin" / "lighthouse").exists():
        return
    say("installing lighthouse, axe-core and vnu-jar into var/audit/node_modules")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(TOOLS / name, AUDIT / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=AUDIT, check=True)


# --- a throwaway demo site ---------------------------------------------------------------------------------------

class DemoSite:
    """The demo on a fresh database, its own Redis and `runserver` (DEBUG off), all under var/audit/."""

    def __init__(self):
        self.processes = []
        self.port = devservices.free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        data = AUDIT / "site"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        redis_port = devservices.free_port()
        self.processes.append(devservices.start_redis(port=redis_port, data_dir=data / "redis", appendonly=False))
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "False",
               "DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}", "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
               "STATIC_ROOT": str(data / "static"), "MEDIA_ROOT": str(data / "media"), "SITE_URL": self.base,
               "PYTHONUNBUFFERED": "1"}
        log = open(data / "site.log", "ab")
        say(f"building a demo site for the audit (log: {data / 'site.log'})")
        for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"],
                        ["load_demo"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                           stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"], cwd=ROOT, env=env,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        devservices.wait_for_port(self.port, timeout=60, process=self.processes[-1], name="runserver")
        return self

    def __exit__(self, *exc):
        for process in reversed(self.processes):
            devservices.stop(process)


# --- the pages ---------------------------------------------------------------------------------------------------

def fetch(url):
    if not url.startswith(("http://", "https://")):
        raise SystemExit(f"audit: not a web address: {url}")
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (http(s) only, checked above)
        return response.geturl(), response.read().decode("utf-8", "replace")


def _first(html, pattern, what):
    found = re.search(pattern, html)
    if not found:
        raise SystemExit(f"audit: found no link to {what} (pattern {pattern})")
    return found.group(1)


def page_urls(base, language, wanted):
    """{page name: absolute URL} in `language`, following links from the section pages to one of each kind."""
    lang = re.escape(language)
    urls = {"home": f"{base}/{language}/", "news": f"{base}/{language}/news/", "expo": f"{base}/{language}/expo/",
            "forums": f"{base}/{language}/forums/", "grid": f"{base}/{language}/forums/grid/"}
    if {"article"} & wanted:
        _url, html = fetch(urls["news"])
        urls["article"] = base + _first(html, rf'<h2><a href="(/{lang}/news/[^"/]+/)"', "an article")
    if {"directory", "company"} & wanted:
        _url, html = fetch(urls["expo"])
        urls["directory"] = base + _first(html, rf'href="(/{lang}/expo/[^"/]+/exhibitors/)"', "a directory")
    if "company" in wanted:
        _url, html = fetch(urls["directory"])
        urls["company"] = base + _first(html, rf'href="(/{lang}/expo/companies/[^"/]+/)"', "a company")
    if {"trading", "notice"} & wanted:
        _url, html = fetch(f"{base}/{language}/trading/")
        urls["trading"] = base + _first(html, rf'<h3><a href="(/{lang}/trading/[^"/]+/)"', "a notice board")
    if "notice" in wanted:
        _url, html = fetch(urls["trading"])
        urls["notice"] = base + _first(html, rf'href="(/{lang}/trading/[^"/]+/\d{{4}}/[^"/]+-\d+/)"', "a notice")
    return {name: url for name, url in urls.items() if name in wanted}


# --- Lighthouse, axe-core, Nu ------------------------------------------------------------------------------------

def lighthouse(url, *, desktop, out_dir):
    """{category: score 0-100, "cls": value, "failing": [audit ids]} of one Lighthouse run."""
    report = out_dir / f"lh-{abs(hash((url, desktop)))}.json"
    command = ["node", str(NODE_MODULES / "lighthouse" / "cli" / "index.js"), url, "--quiet", "--output=json",
               f"--output-path={report}", f"--chrome-path={CHROMIUM}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
               f"--only-categories={','.join(CATEGORIES)}"]
    if desktop:
        command.append("--preset=desktop")
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.exists():
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or ["lighthouse failed"]}
    data = json.loads(report.read_text())
    result = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    result["cls"] = data["audits"]["cumulative-layout-shift"].get("numericValue", 0.0)
    failing = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 0.9:
                failing.append(f"{name}:{ref['id']}")
    result["failing"] = failing
    return result


def axe(urls):
    """{url: [(rule id, impact, number of nodes, the first nodes' selectors)]} of axe-core's violations, in
    Chromium at 1366 px."""
    from playwright.sync_api import sync_playwright

    script = (NODE_MODULES / "axe-core" / "axe.min.js").read_text()
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=[flag for flag in CHROME_FLAGS if flag != "--headless"])
        context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})  # to inject axe
        page = context.new_page()
        for url in urls:
            page.goto(url, wait_until="networkidle")
            page.add_script_tag(content=script)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            found[url] = [(v["id"], v["impact"], len(v["nodes"]),
                           [" ".join(map(str, node["target"])) for node in v["nodes"][:3]])
                          for v in result["violations"]]
        browser.close()
    return found


def nu(urls, out_dir):
    """{url: [messages of the Nu checker's errors]} for the HTML each URL serves."""
    files = {}
    for index, url in enumerate(urls):
        path = out_dir / f"page-{index}.html"
        path.write_text(fetch(url)[1], encoding="utf-8")
        files[path.resolve().as_uri()] = url
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", "--stdout",
                           *[str(out_dir / f"page-{index}.html") for index in range(len(urls))]],
                          check=False, capture_output=True, text=True, timeout=600)
    errors = {url: [] for url in urls}
    for message in json.loads(done.stdout or "{}").get("messages", []):
        if message.get("type") == "error" or message.get("subType") == "fatal":
            url = files.get(message.get("url", ""))
            if url:
                errors[url].append(f"line {message.get('lastLine', '?')}: {message.get('message', '')}")
    return errors


# --- the report --------------------------------------------------------------------------------------------------

HEADER = ("page", "lang", "perf D", "perf M", "a11y", "BP", "SEO", "CLS D", "CLS M", "axe", "Nu")


def _score(run, name):
    return "err" if "error" in run else str(run[name])


def table(rows):
    lines = [HEADER]
    for row in rows:
        desktop, mobile = row["desktop"], row["mobile"]
        lines.append((row["page"], row["language"], _score(desktop, "performance"), _score(mobile, "performance"),
                      _score(desktop, "accessibility"), _score(desktop, "best-practices"), _score(desktop, "seo"),
                      "err" if "error" in desktop else f"{desktop['cls']:.3f}",
                      "err" if "error" in mobile else f"{mobile['cls']:.3f}",
                      str(sum(found[2] for found in row["axe"])), str(len(row["nu"]))))
    widths = [max(len(line[column]) for line in lines) for column in range(len(HEADER))]
    rendered = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)) for line in lines]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def details(rows):
    out = []
    for row in rows:
        notes = []
        for form in ("desktop", "mobile"):
            run = row[form]
            if "error" in run:
                notes.append(f"  lighthouse {form}: {' '.join(run['error'])}")
            elif run["failing"]:
                notes.append(f"  lighthouse {form} below 90: {', '.join(run['failing'])}")
        notes += [f"  axe {rule} ({impact}): {nodes} node(s), e.g. {'; '.join(targets)}"
                  for rule, impact, nodes, targets in row["axe"]]
        notes += [f"  nu {message}" for message in row["nu"]]
        if notes:
            out.append(f"{row['page']} [{row['language']}] {row['url']}")
            out += notes
    return "\n".join(out)


def audit(base, pages, languages, report_path):
    out_dir = Path(tempfile.mkdtemp(prefix="lh-", dir=AUDIT))
    rows = []
    for language in languages:
        for name, url in page_urls(base, language, set(pages)).items():
            rows.append({"page": name, "language": language, "url": url})
    rows.sort(key=lambda row: (PAGES.index(row["page"]), languages.index(row["language"])))
    say(f"axe-core and the Nu checker on {len(rows)} pages")
    found_axe = axe([row["url"] for row in rows])
    found_nu = nu([row["url"] for row in rows], out_dir)
    for number, row in enumerate(rows, 1):
        say(f"lighthouse {number}/{len(rows)}: {row['url']}")
        row["desktop"] = lighthouse(row["url"], desktop=True, out_dir=out_dir)
        row["mobile"] = lighthouse(row["url"], desktop=False, out_dir=out_dir)
        row["axe"], row["nu"] = found_axe[row["url"]], found_nu[row["url"]]
    shutil.rmtree(out_dir, ignore_errors=True)
    if report_path:
        Path(report_path).write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print("\n" + table(rows) + "\n")
    problems = details(rows)
    if problems:
        print(problems + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="a running site, e.g. http://127.0.0.1:8000 (default: a throwaway demo)")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of: {', '.join(PAGES)}")
    parser.add_argument("--languages", default="en,zh-hans")
    parser.add_argument("--json", dest="report", help="also write the figures as JSON to this file")
    options = parser.parse_args()
    pages = [name for name in options.pages.split(",") if name]
    unknown = sorted(set(pages) - set(PAGES))
    if unknown:
        parser.error(f"unknown pages: {', '.join(unknown)}")
    languages = [code for code in options.languages.split(",") if code]
    tools_install()
    if options.base:
        audit(options.base.rstrip("/"), pages, languages, options.report)
        return
    with DemoSite() as site:
        audit(site.base, pages, languages, options.report)


if __name__ == "__main__":
    main()
