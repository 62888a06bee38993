#!/usr/bin/env python3
"""What reading the records' git history costs a build (docs/records.md, "History from git").

Usage: history_cost.py DOSSIER_BINARY WORK_DIR [COMMITS]

Makes the benchmark's S site (make_sites.py S), commits its records, then COMMITS
(default 500) more commits each changing the status, tier or owner of a few issues of
issues.csv (and every 50th a milestone's due), on consecutive days. Then times, side by
side, median of 3 each: a full build of the site without .git (the history absent), a
full build with it and no history cache (every revision read), a full build with the
cache warm, and a no-op rebuild. Prints the ratios against the build without history.
"""
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(args, cwd=None, env=None):
    subprocess.run(args, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def main():
    binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    commits = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    shutil.rmtree(work, ignore_errors=True)
    run([sys.executable, os.path.join(HERE, "make_sites.py"), "S", work])
    site = os.path.join(work, "dossier")
    env = dict(os.environ, GIT_AUTHOR_NAME="PM", GIT_AUTHOR_EMAIL="pm@example.com",
               GIT_COMMITTER_NAME="PM", GIT_COMMITTER_EMAIL="pm@example.com")
    run(["git", "init", "-q", "-b", "main"], cwd=site)
    with open(os.path.join(site, ".gitignore"), "w") as f:
        f.write("output/\n")
    path = os.path.join(site, "content", "issues.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    status_at, tier_at, owner_at = header.index("status"), header.index("tier"), header.index("owner")
    opened_at, resolved_at = header.index("opened"), header.index("resolved")
    rng = random.Random(19)
    day = 1_767_225_600  # 2026-01-01T00:00:00Z

    def commit(n):
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{day + n * 86400} +0000"
        run(["git", "add", "-A"], cwd=site, env=env)
        run(["git", "commit", "-q", "--allow-empty", "-m", f"records {n}"], cwd=site, env=env)

    commit(0)
    # Each commit moves three issues on, as a PM's Friday update does: a status, a tier
    # (escalation), an owner. Written back as Excel writes CSV (CRLF, quoted as needed).
    statuses = ["open", "in-progress", "waiting", "resolved"]
    for n in range(1, commits + 1):
        for _ in range(3):
            cells = rows[rng.randrange(1, len(rows))]
            cells[status_at] = rng.choice(statuses)
            # A resolved issue has its date (a day after it was opened); an open one none.
            cells[resolved_at] = cells[opened_at][:10] + " 18:00" if cells[status_at] == "resolved" else ""
            if cells[tier_at] in ("1", "2") and rng.random() < 0.3:
                cells[tier_at] = str(int(cells[tier_at]) + 1)
            cells[owner_at] = "owner%d" % rng.randrange(1, 20)
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(rows)
        commit(n)

    output = os.path.join(work, "out")
    cache = os.path.join(work, ".out.dossier-history")
    pages = os.path.join(work, ".out.dossier-pages")

    def clean():
        for p in (output, cache, pages):
            shutil.rmtree(p, ignore_errors=True) if os.path.isdir(p) else (os.path.exists(p) and os.remove(p))

    build = [binary, "build", site, "--output", output, "--as-of", "2027-06-01"]
    results = {}
    os.rename(os.path.join(site, ".git"), os.path.join(work, "git-away"))
    times = []
    for _ in range(3):
        clean()
        times.append(timed(build))
    results["without history"] = statistics.median(times)
    os.rename(os.path.join(work, "git-away"), os.path.join(site, ".git"))
    times = []
    for _ in range(3):
        clean()
        times.append(timed(build))
    results[f"with {commits} commits, cold"] = statistics.median(times)
    times = []
    for _ in range(3):
        shutil.rmtree(output, ignore_errors=True)
        os.path.exists(pages) and os.remove(pages)
        times.append(timed(build))
    results[f"with {commits} commits, history cache warm"] = statistics.median(times)
    times = [timed(build) for _ in range(3)]
    results["no-op rebuild"] = statistics.median(times)
    base = results["without history"]
    for name, seconds in results.items():
        print(f"  {name:<42} {seconds:6.2f} s  {seconds / base:5.2f}x")


if __name__ == "__main__":
    sys.exit(main())
