#!/usr/bin/env python3
"""Benchmark: how the planner's time and memory grow with the size of a county's week.

Usage (from the repository root, after `swift build -c release`):
  python3 Benchmarks/scale.py [--schools 100 250 500 1000] [--seed 1] [--threads 2]

For each size it writes a synthetic county (`caseload fixtures county`) with a quarter as many
specialists as schools and 12.7 sessions per school (so 1,000 schools give the issue's 250
specialists and 12,700 sessions), plans it with `caseload plan` at the default (no time limit)
under GNU time, checks the plan with the independent checker (../shared/tools/check_plan.py)
and prints wall seconds (reading and writing the files included), the search's own seconds,
peak resident memory, served priority and its share of the checker's knapsack bound.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(ROOT), "shared", "tools"))
from check_plan import check  # noqa: E402

BIN = os.path.join(ROOT, ".build", "release", "caseload")


def county(schools, tmp):
    path = os.path.join(tmp, f"county-{schools}.json")
    args = ["fixtures", "county", "--schools", str(schools), "--specialists", str(schools // 4),
            "--sessions", str(schools * 127 // 10), "--out", path]
    subprocess.run([BIN] + args, check=True, stdout=subprocess.DEVNULL)
    return path


def plan(path, seed, threads, tmp):
    out = os.path.join(tmp, "plan.json")
    cmd = ["/usr/bin/time", "-f", "%e %M", BIN, "plan", path, "--out", out, "--seed", str(seed),
           "--threads", str(threads)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"caseload plan failed on {path}: {proc.stderr}")
    wall, kib = proc.stderr.strip().splitlines()[-1].split()
    search = re.search(r"search\s+([0-9.]+) s, (\d+) iterations", proc.stdout)
    return json.load(open(out)), float(wall), int(kib) / 1024, float(search.group(1)), int(search.group(2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schools", type=int, nargs="+", default=[100, 250, 500, 1000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    print(f"{'schools':>8}{'specialists':>12}{'sessions':>9} | {'wall s':>7}{'search s':>9}{'iters':>6}{'MiB':>6}"
          f" | {'served':>8}{'of bound':>9}  valid")
    with tempfile.TemporaryDirectory() as tmp:
        for n in a.schools:
            path = county(n, tmp)
            scn = json.load(open(path))
            result, wall, mib, search, iters = plan(path, a.seed, a.threads, tmp)
            c = check(scn, result)
            print(f"{n:>8}{len(scn['specialists']):>12}{len(scn['sessions']):>9} | {wall:>7.1f}{search:>9.1f}"
                  f"{iters:>6}{mib:>6.0f} | {c['served_priority']:>8}{c['share_of_bound']:>9.1%}  {c['valid']}",
                  flush=True)


if __name__ == "__main__":
    main()
