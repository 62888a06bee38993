#!/usr/bin/env python3
"""Scores the search of built Dossier sites against the judged queries.

Usage: search_eval.py --sample OUTPUT_DIR --large OUTPUT_DIR [--queries FILE] [--json FILE]

OUTPUT_DIR is a built site: the sample (`dossier build . --output DIR --as-of 2026-11-20`)
and the large site of benchmarks/search_site.py (`dossier build SITE`). Either may be left
out; its queries are then skipped. FILE defaults to benchmarks/search-queries.json, a list
of {site, lang, query, relevant, kind}, the relevant pages written as site-relative paths.

Each query opens OUTPUT_DIR/search.html?q=QUERY from file:// in headless Chromium (Debian's
chromium and chromium-driver through Selenium, as Tests/browser does), waits until result
links (`#search-results li > a`) or the page's no-results status show, and reads the links
in order, site-relative, anchors dropped. It prints, per site, per language and overall:

- recall@5: relevant pages among the first five, over min(relevant pages, 5); averaged;
- MRR: 1 / rank of the first relevant page among all shown (0 when none is shown);
- hit@5: queries with a relevant page in the first five;
- empty: queries that showed no result at all;

then every query whose relevant pages are all outside the first five. On the large site it
also measures (a) cold first queries: for each of 10 queries, three times, a new browser
with a new profile opens search.html?q=QUERY; time from navigation start to the first
result link (or the no-results status) by a MutationObserver installed before the page's
scripts; the search's own time, from the page script's first request for an index file
(a search/ script element added) to that moment, which leaves out what the browser spends
starting up, laying out and painting; and the bytes on disk of every search/ and assets/ script the
page loaded; the median of the three runs per query, then max and median over queries.
Beside them, the floor: the first contentful paint of search.html without a query;
(b) 20 queries typed one after another into one page (the input's value set and an
`input` event dispatched, then waiting for the results to settle): time of each and the
bytes of all distinct files the page loaded.

A measurement, not a test: it exits 0 whatever the scores; 2 on a usage error.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from urllib.parse import quote, unquote, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = 5
TIMEOUT = 20.0

# Installed before any script of the page runs: notes when the first result link, or a
# settled status, appears, and counts mutations of the results and status.
OBSERVER = r"""
(function () {
  window.__evalFirst = null; window.__evalQuery = null; window.__evalMutations = 0; window.__evalLast = 0;
  function check(records) {
    if (window.__evalQuery === null) {
      (records || []).forEach(function (r) {
        Array.prototype.forEach.call(r.addedNodes, function (n) {
          if (window.__evalQuery === null && n.tagName === 'SCRIPT' && /\/search\/(terms|docs)-/.test(n.src || '')) window.__evalQuery = performance.now();
        });
      });
    }
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    window.__evalMutations++; window.__evalLast = performance.now();
    if (window.__evalFirst === null) {
      var noResults = (document.getElementById('search') || {dataset: {}}).dataset.noResults;
      if ((list && list.querySelector('li > a')) ||
          (status && noResults && status.textContent.trim() === noResults.trim())) {
        window.__evalFirst = performance.now();
      }
    }
  }
  new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""

STATE = r"""
var list = document.querySelectorAll('#search-results li > a');
var status = document.getElementById('search-status');
var box = document.getElementById('search') || {dataset: {}};
return {
  links: Array.prototype.map.call(list, function (a) { return a.href; }),
  status: status ? status.textContent.trim() : '',
  noResults: (box.dataset.noResults || '').trim(),
  noIndex: (box.dataset.noIndex || '').trim(),
  first: window.__evalFirst, query: window.__evalQuery, mutations: window.__evalMutations || 0,
  last: window.__evalLast || 0, now: performance.now()
};
"""

RESOURCES = "return performance.getEntriesByType('resource').map(function (e) { return e.name; });"


def new_driver(profile=None):
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(argument)
    if profile:
        options.add_argument("--user-data-dir=" + profile)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVER})
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def site_url(root):
    return "file://" + quote(os.path.abspath(root).rstrip("/") + "/")


def relative(href, root):
    """A link's page, site-relative, without query or fragment; None outside the site."""
    path = unquote(urlparse(href).path)
    base = os.path.abspath(root).rstrip("/") + "/"
    return path[len(base):] if path.startswith(base) else None


def settled(driver, deadline, since=0, quiet=0.15):
    """Waits until the page shows results or its no-results status, and nothing has
    changed in the results for `quiet` seconds (and at least one change after `since`
    mutations); returns the last state and whether it finished in time."""
    while True:
        state = driver.execute_script(STATE)
        status = state["status"]
        finished = state["links"] or (status and status in (state["noResults"], state["noIndex"]))
        if finished and state["mutations"] > since and state["now"] - state["last"] >= quiet * 1000:
            return state, True
        if time.time() > deadline:
            return state, False
        time.sleep(0.05)


def loaded_files(driver, root):
    """Site files the page loaded: resource timing entries and the network log."""
    names = set(driver.execute_script(RESOURCES))
    try:
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                names.add(message["params"]["request"]["url"])
    except Exception:
        pass
    files = {}
    for name in names:
        page = relative(name, root)
        if page is not None:
            path = os.path.join(root, page)
            files[page] = os.path.getsize(path) if os.path.isfile(path) else 0
    return files


def scripts(files):
    return {p: n for p, n in files.items() if p.endswith(".js") and p.split("/")[0] in ("search", "assets")}


def run_query(driver, root, query):
    try:
        driver.get_log("performance")  # drops what the previous page logged
    except Exception:
        pass
    driver.get(site_url(root) + "search.html?q=" + quote(query))
    state, finished = settled(driver, time.time() + TIMEOUT)
    shown = []
    for href in state["links"]:
        page = relative(href, root)
        if page is not None and page not in shown:
            shown.append(page)
    return shown, finished, state["first"]


def score(entry, shown):
    relevant = set(entry["relevant"])
    top = shown[:TOP]
    found = [i for i, page in enumerate(shown) if page in relevant]
    return {
        "recall5": len(relevant & set(top)) / min(len(relevant), TOP),
        "rr": 1.0 / (found[0] + 1) if found else 0.0,
        "hit5": bool(found and found[0] < TOP),
        "empty": not shown,
        "first_relevant_rank": found[0] + 1 if found else None,
    }


def summary(rows):
    n = len(rows)
    if not n:
        return None
    return {
        "queries": n,
        "recall@5": sum(r["recall5"] for r in rows) / n,
        "mrr": sum(r["rr"] for r in rows) / n,
        "hit@5": sum(r["hit5"] for r in rows),
        "empty": sum(r["empty"] for r in rows),
    }


COLD_RUNS = 3
PARSED = ("var e = performance.getEntriesByType('navigation')[0];"
          "var p = performance.getEntriesByType('paint').filter(function (x) { return x.name === 'first-contentful-paint'; });"
          "return {parsed: e ? e.domInteractive : null, paint: p.length ? p[0].startTime : null};")


def cold_run(root, query):
    """One cold load of search.html?q=QUERY in a new browser with a new profile."""
    profile = tempfile.mkdtemp(prefix="dossier-eval-profile-")
    driver = new_driver(profile)
    try:
        driver.get(site_url(root) + "search.html" + ("?q=" + quote(query) if query else ""))
        if query:
            state, finished = settled(driver, time.time() + TIMEOUT)
        else:
            time.sleep(0.5)
            state, finished = {"first": None, "query": None, "links": []}, True
        page = driver.execute_script(PARSED)
        files = scripts(loaded_files(driver, root))
        return {"first": state["first"], "query": state["query"], "paint": page["paint"], "finished": finished,
                "results": len(state["links"]), "script_bytes": sum(files.values()), "scripts": dict(sorted(files.items()))}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def median_of(runs, key):
    values = [r[key] for r in runs if r[key] is not None]
    return statistics.median(values) if values else None


def cold_queries(root, queries):
    """Each query COLD_RUNS times, cold; the median of its runs. First the page without a
    query: the browser's own first paint of search.html, the floor under every figure."""
    floor = [cold_run(root, "") for _ in range(COLD_RUNS)]
    timings = []
    for query in queries:
        runs = [cold_run(root, query) for _ in range(COLD_RUNS)]
        last = runs[-1]
        first = median_of(runs, "first")
        after = [r["first"] - r["query"] for r in runs if r["first"] is not None and r["query"] is not None]
        timings.append({"query": query, "first_result_ms": first, "own_ms": statistics.median(after) if after else None,
                        "runs_ms": [r["first"] for r in runs], "finished": all(r["finished"] for r in runs),
                        "results": last["results"], "script_bytes": last["script_bytes"], "scripts": last["scripts"]})
    return {"floor_paint_ms": median_of(floor, "paint"), "queries": timings}


def typed_queries(root, queries):
    profile = tempfile.mkdtemp(prefix="dossier-eval-profile-")
    driver = new_driver(profile)
    steps = []
    try:
        driver.get(site_url(root) + "search.html")
        time.sleep(0.5)
        for query in queries:
            before = driver.execute_script("return window.__evalMutations || 0;")
            start = driver.execute_script("return performance.now();")
            driver.execute_script(
                "var box = document.getElementById('search-input'); box.value = arguments[0];"
                "box.dispatchEvent(new Event('input', {bubbles: true}));", query)
            state, finished = settled(driver, time.time() + TIMEOUT, since=before)
            steps.append({"query": query, "ms": round(state["last"] - start, 1) if finished else None,
                          "finished": finished, "results": len(state["links"])})
        files = loaded_files(driver, root)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return {"steps": steps, "distinct_files": len(files), "bytes": sum(files.values()),
            "script_bytes": sum(scripts(files).values()), "files": dict(sorted(files.items()))}


def table(title, groups):
    print(f"\n{title}")
    print(f"  {'':<16}{'queries':>8}{'recall@5':>10}{'MRR':>8}{'hit@5':>8}{'empty':>7}")
    for name, s in groups:
        if s:
            print(f"  {name:<16}{s['queries']:>8}{s['recall@5']:>10.3f}{s['mrr']:>8.3f}{s['hit@5']:>8}{s['empty']:>7}")


def kib(n):
    return f"{n / 1024:.1f} KiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", help="the sample site's built output folder")
    parser.add_argument("--large", help="the large site's built output folder")
    parser.add_argument("--queries", default=os.path.join(HERE, "search-queries.json"))
    parser.add_argument("--json", help="also write every figure and result to this file")
    args = parser.parse_args()
    sites = {k: v for k, v in (("sample", args.sample), ("large", args.large)) if v}
    if not sites:
        parser.error("give --sample and/or --large")
    for name, root in sites.items():
        if not os.path.isfile(os.path.join(root, "search.html")):
            parser.error(f"--{name} {root}: no search.html (not a built site)")
    with open(args.queries, encoding="utf-8") as f:
        entries = json.load(f)

    results = []
    for name, root in sites.items():
        driver = new_driver()
        try:
            for entry in (e for e in entries if e["site"] == name):
                shown, finished, first = run_query(driver, root, entry["query"])
                row = dict(entry, shown=shown[:10], finished=finished, ms=first, **score(entry, shown))
                results.append(row)
        finally:
            driver.quit()
    skipped = [e for e in entries if e["site"] not in sites]

    report = {"summary": {}, "queries": results}
    for name in sites:
        rows = [r for r in results if r["site"] == name]
        groups = [("all", summary(rows))] + [(lang, summary([r for r in rows if r["lang"] == lang])) for lang in ("zh", "ru", "en")]
        report["summary"][name] = dict(groups)
        table(f"{name} ({sites[name]})", groups)
    groups = [("all", summary(results))] + [(lang, summary([r for r in results if r["lang"] == lang])) for lang in ("zh", "ru", "en")]
    report["summary"]["overall"] = dict(groups)
    table("overall", groups)
    kinds = sorted({r["kind"] for r in results})
    by_kind = [(k, summary([r for r in results if r["kind"] == k])) for k in kinds]
    report["summary"]["by_kind"] = dict(by_kind)
    table("by kind (both sites)", by_kind)
    if skipped:
        print(f"\n{len(skipped)} queries skipped: their site was not given")

    misses = [r for r in results if not r["hit5"]]
    print(f"\nmisses (no relevant page in the first {TOP}): {len(misses)}")
    for r in misses:
        got = ", ".join(r["shown"][:3]) or "no result"
        rank = f" (first relevant at {r['first_relevant_rank']})" if r["first_relevant_rank"] else ""
        timeout = " [timed out]" if not r["finished"] else ""
        print(f"  {r['site']:<6} {r['lang']} {r['kind']:<11} {r['query']!r}{rank}{timeout} -> {got}")

    if "large" in sites:
        root = sites["large"]
        large = [e["query"] for e in entries if e["site"] == "large"]
        step = max(1, len(large) // 10)
        measured = cold_queries(root, large[::step][:10])
        cold = measured["queries"]
        times = [c["first_result_ms"] for c in cold if c["first_result_ms"] is not None]
        after = [c["own_ms"] for c in cold if c["own_ms"] is not None]
        sizes = [c["script_bytes"] for c in cold]
        report["cold"] = {"queries": cold, "floor_paint_ms": measured["floor_paint_ms"],
                          "first_result_ms_max": max(times) if times else None,
                          "first_result_ms_median": statistics.median(times) if times else None,
                          "own_ms_max": max(after) if after else None, "own_ms_median": statistics.median(after) if after else None,
                          "script_bytes_max": max(sizes), "script_bytes_median": statistics.median(sizes)}
        floor = measured["floor_paint_ms"]
        print(f"\nlarge: cold first query, {len(cold)} queries, each the median of {COLD_RUNS} runs with a new"
              " browser and profile: navigation start to the first result link or the no-results status"
              ";\n  then from the page script's first request for an index file to the same moment: the search's own"
              " time, without the browser's start, its first layout and paint")
        if floor is not None:
            print(f"  floor: the same page without a query paints first at {floor:.0f} ms (median of {COLD_RUNS})")
        for c in cold:
            ms = f"{c['first_result_ms']:.0f} ms" if c["first_result_ms"] is not None else "timed out"
            own = f"{c['own_ms']:.0f} ms" if c["own_ms"] is not None else "-"
            shown = f"{c['results']} results" if c["results"] else "no result"
            print(f"  {ms:>9} {own:>7} {shown:>11} {kib(c['script_bytes']):>12} in {len(c['scripts']):>2} scripts  {c['query']}")
        if times:
            print(f"  first result: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms;"
                  f" the search's own: median {statistics.median(after):.0f} ms, max {max(after):.0f} ms")
        print(f"  scripts loaded: median {kib(statistics.median(sizes))}, max {kib(max(sizes))}")

        typed = typed_queries(root, [q for q in large[1::max(1, len(large) // 20)]][:20])
        report["typed"] = typed
        ms = [s["ms"] for s in typed["steps"] if s["ms"] is not None]
        print(f"\nlarge: {len(typed['steps'])} queries typed one after another in one page")
        if ms:
            print(f"  per query until the results settle: median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms"
                  f" ({sum(1 for s in typed['steps'] if not s['finished'])} timed out)")
        print(f"  distinct files loaded: {typed['distinct_files']}, {kib(typed['bytes'])}"
              f" (search/ and assets/ scripts: {kib(typed['script_bytes'])})")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
