"""The binary the benchmarks time: Dossier as the Debian package ships it.

scripts/package builds with the Swift runtime and Foundation linked in
(`--static-swift-stdlib`); a plain `swift build -c release` loads some twenty shared
libraries at each start, which cost a `build` after one edit about 4 % of its CPU at S.
The benchmarks build the shipped way, in their own folder (.build-bench/release) so the
everyday release build is not rebuilt. DOSSIER=/path/to/binary times another binary
instead (the previous one, for a side-by-side run), without building.
"""
import os
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def dossier():
    """The path of the binary to time, built first unless DOSSIER names one."""
    if os.environ.get("DOSSIER"):
        return os.environ["DOSSIER"]
    scratch = os.path.join(REPO, ".build-bench", "release")
    command = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "dossier",
               "--scratch-path", scratch]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    path = subprocess.run(command + ["--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True)
    return os.path.join(path.stdout.strip(), "dossier")
