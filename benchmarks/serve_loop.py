#!/usr/bin/env python3
"""The live loop of `dossier serve`: an article saved, then the moment open pages learn of
the new build (the reload event), at S or L.

Usage: benchmarks/serve_loop.py [S|L] [EDITS]   (defaults: S 10)
       DOSSIER=/tmp/previous benchmarks/serve_loop.py S 10   (another binary, not built)

Builds the binary as the package ships it (benchmarks/binary.py), generates the site (benchmarks/make_sites.py) into
.build-bench/SIZE, starts `dossier serve --port 0`, waits for its first build, then EDITS
times appends a sentence to one article and measures, from the moment the file is
written, until `/__dossier/state` (what every open page asks) reports the next build:
the save → reload-event time. A page asks with `?wait=N`, so it hears of the build as
the server has it. Beside it, the same edit rebuilt by `dossier build` (the previous
way to see an edit) as a baseline: the ratio is what to read, the target is the issue's
(S ≤ 50 ms, L ≤ 0.5 s).
"""
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

import binary

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE = sys.argv[1] if len(sys.argv) > 1 else "S"
EDITS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
WORK = os.path.join(REPO, ".build-bench", SIZE)
# DOSSIER=/path/to/binary times another binary (the previous one, for a side-by-side run).
DOSSIER = None  # set by main(): benchmarks/binary.py
TARGET = {"S": 0.05, "L": 0.5}[SIZE]


def state(url):
    with urllib.request.urlopen(url + "__dossier/state", timeout=60) as response:
        return json.load(response)


def wait_for(url, generation, timeout=600):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if state(url)["generation"] >= generation:
            return
        time.sleep(0.002)
    sys.exit(f"build {generation} never came")


def main():
    global DOSSIER
    DOSSIER = binary.dossier()
    if not os.path.isdir(os.path.join(WORK, "dossier")):
        subprocess.run([sys.executable, os.path.join(REPO, "benchmarks", "make_sites.py"), SIZE, WORK], check=True)
    site = os.path.join(WORK, "dossier")
    handbook = os.path.join(site, "content", "handbook")
    article = os.path.join(handbook, sorted(os.listdir(handbook))[0])
    article = os.path.join(article, sorted(os.listdir(article))[0])
    with open(article, encoding="utf-8") as handle:
        original = handle.read()
    served = os.path.join(WORK, "serve-out")
    built = os.path.join(WORK, "build-out")
    server = subprocess.Popen(
        [DOSSIER, "serve", site, "--port", "0", "--output", served, "--as-of", "2025-01-01"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    loop, rebuild = [], []
    try:
        line = server.stdout.readline()
        url = line[line.index("http://"):].split()[0]
        wait_for(url, 1)
        subprocess.run([DOSSIER, "build", site, "--output", built, "--as-of", "2025-01-01"], check=True,
                       capture_output=True)
        for edit in range(EDITS):
            generation = state(url)["generation"]
            text = original + f"\nA sentence saved while serving, number {edit}.\n"
            start = time.perf_counter()
            with open(article, "w", encoding="utf-8") as handle:
                handle.write(text)
            wait_for(url, generation + 1)
            loop.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run([DOSSIER, "build", site, "--output", built, "--as-of", "2025-01-01"], check=True,
                           capture_output=True)
            rebuild.append(time.perf_counter() - start)
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait()
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
    median, worst = statistics.median(loop), max(loop)
    base = statistics.median(rebuild)
    print(f"{SIZE}: one article saved under serve, {EDITS} edits")
    print(f"  save -> reload event   median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms"
          f"   target <= {TARGET * 1000:.0f} ms   {'met' if median <= TARGET else 'missed'}")
    print(f"  dossier build (same edit) median {base * 1000:.0f} ms   serve/build {median / base:.2f}")


if __name__ == "__main__":
    main()
