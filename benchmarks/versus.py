#!/usr/bin/env python3
"""Two dossier binaries side by side on the same generated site: `check` and a full
`build`, interleaved run by run so both meet the same machine load.

Usage: benchmarks/versus.py OLD_BINARY NEW_BINARY [S|L] [RUNS]   (defaults: S 5)

Build the old binary from an earlier commit in a worktree, e.g.
  git worktree add /tmp/old REV && (cd /tmp/old && swift build -c release --product dossier)
  swift build -c release --product dossier
  benchmarks/versus.py /tmp/old/.build/release/dossier .build/release/dossier S 5
Prints the median wall time of each and the ratio new / old; read the ratios.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True)
    return time.perf_counter() - start, result.returncode


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    size = sys.argv[3] if len(sys.argv) > 3 else "S"
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    work = os.path.join(REPO, ".build-bench", size)
    site = os.path.join(work, "dossier")
    if not os.path.isdir(site):
        subprocess.run([sys.executable, os.path.join(REPO, "benchmarks", "make_sites.py"), size, work], check=True)
    times = {}
    for _ in range(runs):
        for name, binary in (("old", old), ("new", new)):
            wall, status = timed([binary, "check", site])
            times.setdefault(("check", name), []).append(wall)
            output = os.path.join(work, f"versus-{name}")
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(os.path.join(work, f".versus-{name}.dossier-pages"), ignore_errors=True)
            wall, status = timed([binary, "build", site, "--output", output, "--as-of", "2026-12-01"])
            if status != 0:
                sys.exit(f"{binary} build failed with status {status}")
            times.setdefault(("build", name), []).append(wall)
    for command in ("check", "build"):
        before = statistics.median(times[(command, "old")])
        after = statistics.median(times[(command, "new")])
        print(f"{command:6} old {before:6.2f} s   new {after:6.2f} s   new/old {after / before:.2f}")


if __name__ == "__main__":
    main()
