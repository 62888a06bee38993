#!/usr/bin/env python3
"""Dossier against Hugo and raw cmark-gfm on the same generated records.

Usage: benchmarks/compare.py [S|L] [RUNS]   (defaults: S 5)

Installs Hugo and cmark-gfm when missing (scripts/install-deps --bench), builds the
binary as the package ships it (benchmarks/binary.py; DOSSIER=/path times another),
generates the sites (benchmarks/make_sites.py) into .build-bench/SIZE, then runs, in
turn and RUNS times each: a full `dossier build`, a no-op rebuild, a rebuild after
editing one article, `hugo`, and `cmark-gfm` over the same Markdown plus copying the
bytes Dossier writes (the floor). Prints medians of wall time, peak memory, and each
ratio next to its target from the issue. Times depend on the machine; read the ratios.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

import binary

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE = sys.argv[1] if len(sys.argv) > 1 else "S"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
WORK = os.path.join(REPO, ".build-bench", SIZE)
DOSSIER = None  # set by main(): benchmarks/binary.py
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]


def timed(command, **kwargs):
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of a command, through
    /usr/bin/time."""
    start = time.perf_counter()
    kwargs.setdefault("stdout", subprocess.PIPE)
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, stderr=subprocess.PIPE, text=True, **kwargs)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{(result.stdout or '')[-2000:]}\n{result.stderr[-2000:]}")
    rss, user, system = result.stderr.strip().splitlines()[-1].split()
    return wall, int(rss) / 1024, float(user) + float(system)


def main():
    subprocess.run([os.path.join(REPO, "scripts", "install-deps"), "--bench"], check=True)
    global DOSSIER
    DOSSIER = binary.dossier()
    if not os.path.isdir(os.path.join(WORK, "dossier")):
        subprocess.run([sys.executable, os.path.join(REPO, "benchmarks", "make_sites.py"), SIZE, WORK], check=True)
    site = os.path.join(WORK, "dossier")
    output = os.path.join(WORK, "dossier-out")
    hugo_out = os.path.join(WORK, "hugo-out")
    copy = os.path.join(WORK, "copy")
    samples = {"dossier": [], "noop": [], "edit": [], "hugo": [], "cmark": [], "copy": []}
    handbook = os.path.join(site, "content", "handbook")
    article = os.path.join(handbook, sorted(os.listdir(handbook))[0])
    article = os.path.join(article, sorted(os.listdir(article))[0])
    with open(article, encoding="utf-8") as handle:
        original = handle.read()
    memory = {"dossier": [], "hugo": []}
    cpu = {"dossier": [], "hugo": []}
    for _ in range(RUNS):
        shutil.rmtree(output, ignore_errors=True)
        wall, rss, seconds = timed([DOSSIER, "build", site, "--output", output, "--as-of", "2025-01-01"])
        samples["dossier"].append(wall)
        cpu["dossier"].append(seconds)
        memory["dossier"].append(rss)
        samples["noop"].append(timed([DOSSIER, "build", site, "--output", output, "--as-of", "2025-01-01"])[0])
        # One article edited, as an author saving it: the rebuild that follows.
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original + "\nOne more sentence.\n")
        samples["edit"].append(timed([DOSSIER, "build", site, "--output", output, "--as-of", "2025-01-01"])[0])
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
        shutil.rmtree(hugo_out, ignore_errors=True)
        wall, rss, seconds = timed(["hugo", "--quiet", "--source", os.path.join(WORK, "hugo"), "--destination", hugo_out])
        samples["hugo"].append(wall)
        cpu["hugo"].append(seconds)
        memory["hugo"].append(rss)
        with open(os.devnull, "w") as null:
            samples["cmark"].append(timed(CMARK + [os.path.join(WORK, "all.md")], stdout=null)[0])
        shutil.rmtree(copy, ignore_errors=True)
        samples["copy"].append(timed(["cp", "-r", output, copy])[0])

    m = {k: statistics.median(v) for k, v in samples.items()}
    files = sum(len(f) for _, _, f in os.walk(output))
    size_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(output) for f in fs) / 1e6
    floor = m["cmark"] + m["copy"]
    print(f"size {SIZE}: {files} files, {size_mb:.1f} MB written by dossier; medians of {RUNS} runs")
    print(f"  dossier full build   {m['dossier']:7.2f} s   peak {statistics.median(memory['dossier']):6.0f} MB")
    print(f"  dossier no-op build  {m['noop']:7.2f} s")
    print(f"  one article edited   {m['edit']:7.2f} s")
    print(f"  hugo                 {m['hugo']:7.2f} s   peak {statistics.median(memory['hugo']):6.0f} MB")
    print(f"  cmark-gfm + copy     {floor:7.2f} s   ({m['cmark']:.2f} + {m['copy']:.2f})")
    # The issue list's largest page: the target is every page under 2 MB (its first paint
    # in a browser is benchmarks/page_load.py's).
    lists = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(output, "issues")) for f in fs if f == "index.html"]
    largest = max(os.path.getsize(p) for p in lists) / 1e6
    c = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"  CPU (user + system)  {c['dossier']:7.2f} s dossier, {c['hugo']:.2f} s hugo")
    print(f"  issue list           {len(lists)} pages, largest {largest:.2f} MB")
    print("ratios (target in brackets):")
    print(f"  full / hugo, wall    {m['dossier'] / m['hugo']:7.2f}   [<= 0.5]")
    print(f"  full / hugo, CPU     {c['dossier'] / c['hugo']:7.2f}   [<= 0.6]")
    print(f"  full / floor         {m['dossier'] / floor:7.2f}   [<= 3]")
    print(f"  no-op / full         {m['noop'] / m['dossier']:7.2f}   [<= 0.1]")
    edit_target = "<= 150 ms" if SIZE == "S" else "none for build; serve <= 0.5 s, see serve_loop.py"
    print(f"  one article edited   {m['edit'] * 1000:7.0f} ms [{edit_target}]")
    memory_target = "<= 700 MB" if SIZE == "L" else "none"
    print(f"  peak memory          {statistics.median(memory['dossier']):7.0f} MB [{memory_target}]")
    print(f"  largest list page    {largest:7.2f} MB [<= 2 MB]")


if __name__ == "__main__":
    main()
