#!/usr/bin/env python3
"""How fast the largest pages of a built site open in headless Chromium, from file:// as
a built site is opened, and how long sorting and filtering the issue list takes.

Usage: benchmarks/page_load.py OUTPUT [BASELINE] [RUNS]   (RUNS defaults to 3)

OUTPUT (and BASELINE, another build of the same site: the previous binary's, or one with
`issues.page_size: 0`) is a built site's folder. For issues/index.html, the issue list's
middle page (when paged) and handbook/index.html it prints each page's size and, over
RUNS cold loads (a new browser each), the median first contentful paint,
DOMContentLoaded and load, in ms from navigation start; then, in one browser on
OUTPUT's issues/index.html, the time of the first filter (status "open": on a paged list
it loads every page first), of a second filter and of a sort by the opened date. The
target is the issue's: every page under 2 MB and first paint under 1 s. Needs the
browser harness's packages (scripts/install-deps --browser).
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "browser"))
import harness  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

OUTPUT = os.path.abspath(sys.argv[1])
BASELINE = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].isdigit() else None
RUNS = int(sys.argv[-1]) if sys.argv[-1].isdigit() and len(sys.argv) > 2 else 3


def pages(output):
    found = ["issues/index.html"]
    paged = os.path.join(output, "issues", "page")
    if os.path.isdir(paged):
        numbers = sorted(int(n) for n in os.listdir(paged) if n.isdigit())
        found.append("issues/page/%d/index.html" % numbers[len(numbers) // 2])
    return found + ["handbook/index.html"]


def cold_load(path):
    driver = harness.new_driver()
    driver.set_page_load_timeout(600)
    try:
        driver.get("file://" + path)
        # Paint timing may be recorded after the load event: wait for it a little.
        deadline, paint = time.time() + 5, None
        while paint is None and time.time() < deadline:
            paint = driver.execute_script(
                "var e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null")
            if paint is None:
                time.sleep(0.05)
        ready, load = driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd]")
        return paint, ready, load
    finally:
        driver.quit()


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values)) if values else None


def report(label, output):
    for page in pages(output):
        path = os.path.join(output, page)
        loads = [cold_load(path) for _ in range(RUNS)]
        paint, ready, load = (median(column) for column in zip(*loads))
        size = os.path.getsize(path) / 1e6
        verdict = "ok" if size <= 2 and paint is not None and paint <= 1000 else "MISSED"
        print(f"{label:9} {page:32} {size:6.2f} MB  paint {paint} ms  ready {ready} ms  load {load} ms  [{verdict}]",
              flush=True)


def busy(driver):
    return driver.execute_script(
        "var t = document.getElementById('issue-table'), p = t.dossierPaged;"
        "return t.hasAttribute('aria-busy') || (p && !p.list.rows && !p.list.failed)")


def interactions(output):
    driver = harness.new_driver()
    driver.set_page_load_timeout(600)
    driver.set_script_timeout(600)
    try:
        driver.get("file://" + os.path.join(output, "issues/index.html"))
        for label, act in [
            ("first filter", lambda: Select(driver.find_element(By.ID, "filter-status")).select_by_value("open")),
            ("second filter", lambda: Select(driver.find_element(By.ID, "filter-status")).select_by_value("closed")),
            ("sort by opened", lambda: driver.find_elements(By.CSS_SELECTOR, "#issue-table thead button")[-3].click()),
        ]:
            start = time.time()
            act()
            while busy(driver):
                time.sleep(0.02)
            count = driver.find_element(By.CSS_SELECTOR, "[data-filter-count]").text
            print(f"          {label:32} {time.time() - start:6.2f} s  ({count} shown)", flush=True)
    finally:
        driver.quit()


if BASELINE:
    report("baseline", BASELINE)
report("this", OUTPUT)
interactions(OUTPUT)
