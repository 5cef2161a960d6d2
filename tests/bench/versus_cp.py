#!/usr/bin/env python3
"""A full build against `cp -r` of its output, interleaved so both see the same disk.

    versus_cp.py RUNS OUT COPY -- BUILD COMMAND...

Each round removes OUT, syncs, times the build; then removes COPY, syncs, times
`cp -r OUT COPY`. Syncing first means neither pays for the other's writeback, and
alternating means a disk that slows down over the run (as virtual disks with burst
credits do) slows both alike. One unmeasured round comes first. Prints JSON: the times of
each, their medians and the median of the per-round ratios.
"""
import json
import shutil
import statistics
import subprocess
import sys
import time


def timed(command):
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["sync"], check=True)


def main():
    runs, out, copy = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    build = sys.argv[sys.argv.index("--") + 1:]
    builds, copies = [], []
    for round_ in range(runs + 1):
        fresh(out)
        b = timed(build)
        fresh(copy)
        c = timed(["cp", "-r", out, copy])
        if round_ > 0:
            builds.append(b)
            copies.append(c)
    fresh(copy)
    print(json.dumps({
        "build": [round(t, 3) for t in builds],
        "cp": [round(t, 3) for t in copies],
        "build_median": round(statistics.median(builds), 3),
        "cp_median": round(statistics.median(copies), 3),
        "ratio_median": round(statistics.median(b / c for b, c in zip(builds, copies)), 2),
    }))


if __name__ == "__main__":
    main()
