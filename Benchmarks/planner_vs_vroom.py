#!/usr/bin/env python3
"""Benchmark: `caseload plan` against the VROOM engine on the week scenarios.

Usage (from the repository root, after `swift build -c release`):
  python3 Benchmarks/planner_vs_vroom.py [SCENARIO.json ...] [--county] [--no-vroom] [--lp]

Needs PyPI `pyvroom` (and `highspy` for --lp). VROOM gets the same problem: each specialist-day
is a vehicle; the same travel matrix (the spec's model, from ../shared/tools/check_plan.py);
service, skills and continuity pins as VROOM skills; allowed days and session windows as job
time windows on a week-long timeline; travel caps as max_travel_time. VROOM has no cap on
distinct schools per day, so its routes are trimmed afterwards (lowest-priority school first)
until every cap holds; both plans are then judged by the independent checker.
Prints, per scenario: served priority, share of the bound, travel minutes and wall seconds of both,
plus caseload's peak memory; with --anytime 30, also caseload's anytime search given 30 seconds.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(os.path.dirname(ROOT), "shared", "tools")
sys.path.insert(0, TOOLS)
from check_plan import DAYS, check, hhmm, travel  # noqa: E402

BIN = os.path.join(ROOT, ".build", "release", "caseload")


def run_caseload(path, args):
    """Runs `caseload plan` under GNU time: the plan, wall seconds and peak resident MiB."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        plan_path = out.name
    cmd = ["/usr/bin/time", "-f", "%e %M", BIN, "plan", path, "--out", plan_path] + [x for x in args if x]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"caseload plan failed on {path}: {proc.stderr}")
    wall, kib = proc.stderr.strip().splitlines()[-1].split()
    plan = json.load(open(plan_path))
    os.unlink(plan_path)
    return plan, float(wall), int(kib) / 1024


def vroom_input(scn):
    import vroom
    points = [s for s in scn["schools"]] + [sp["base"] for sp in scn["specialists"]]
    school_index = {s["id"]: i for i, s in enumerate(scn["schools"])}
    model = scn["travel"]
    n = len(points)
    matrix = [[travel(model, points[i], points[j]) if i != j else 0 for j in range(n)] for i in range(n)]
    skill_ids = {}

    def skill(name):
        return skill_ids.setdefault(name, len(skill_ids) + 1)

    problem = vroom.Input()
    problem.set_durations_matrix(profile="car", matrix_input=matrix)
    vehicles = []
    for k, sp in enumerate(scn["specialists"]):
        for d in sp["days"]:
            off = DAYS.index(d["day"]) * 1440
            skills = {skill("service:" + sp["service"]), skill("specialist:" + sp["id"])}
            skills |= {skill("skill:" + x) for x in sp.get("skills") or []}
            vid = len(vehicles)
            vehicles.append((sp, d["day"]))
            rest = d.get("break")
            breaks = [vroom.Break(id=vid, time_windows=[vroom.TimeWindow(
                off + hhmm(rest["earliest"]), off + hhmm(rest["latest_end"]) - rest["minutes"])], service=rest["minutes"])] if rest else []
            problem.add_vehicle(vroom.Vehicle(
                id=vid, start=len(scn["schools"]) + k, end=len(scn["schools"]) + k, skills=skills,
                time_window=vroom.TimeWindow(off + hhmm(d["start"]), off + hhmm(d["end"])), breaks=breaks,
                max_travel_time=sp.get("max_travel_min_per_day")))
    for j, s in enumerate(scn["sessions"]):
        skills = {skill("service:" + s["service"])} | {skill("skill:" + x) for x in s.get("skills") or []}
        if s.get("specialist"):
            skills.add(skill("specialist:" + s["specialist"]))
        windows = []
        for day in s.get("days") or DAYS:
            off = DAYS.index(day) * 1440
            lo = hhmm(s["earliest"]) if s.get("earliest") else 0
            hi = (hhmm(s["latest_end"]) if s.get("latest_end") else 1440) - s["duration_min"]
            if hi >= lo:
                windows.append(vroom.TimeWindow(off + lo, off + hi))
        if not windows:
            continue
        problem.add_job(vroom.Job(id=j, location=school_index[s["school"]], default_service=s["duration_min"],
                                  skills=skills, priority=s["priority"], time_windows=windows))
    return problem, vehicles


def vroom_plan(scn, threads, level, timeout):
    problem, vehicles = vroom_input(scn)
    t0 = time.perf_counter()
    limit = timedelta(seconds=timeout) if timeout else None
    solution = problem.solve(exploration_level=level, nb_threads=threads, timeout=limit)
    wall = time.perf_counter() - t0
    routes = {}
    for row in solution.routes.itertuples():
        if row.type == "job":
            routes.setdefault(int(row.vehicle_id), []).append(int(row.id))
    plan_routes = []
    for vid, jobs in sorted(routes.items()):
        sp, day = vehicles[vid]
        stops = trim_to_caps(scn, sp, day, jobs)
        if stops:
            plan_routes.append({"specialist": sp["id"], "day": day, "stops": stops})
    placed = {st["session"] for r in plan_routes for st in r["stops"]}
    unassigned = [{"session": s["id"], "reason": "vroom"} for s in scn["sessions"] if s["id"] not in placed]
    return {"format": "caseload-plan/1", "scenario": scn["name"], "routes": plan_routes, "unassigned": unassigned}, wall


def timed(scn, sp, day, jobs):
    """Earliest start times for `jobs` in order, with the day's break (spec rule 6) taken at the
    first place in the route it fits, or None if a window, the break, the day or a cap fails."""
    window = next(d for d in sp["days"] if d["day"] == day)
    if not window.get("break") or not jobs:
        return timed_with_break(scn, sp, window, jobs, None)
    for at in range(len(jobs) + 1):
        stops = timed_with_break(scn, sp, window, jobs, at)
        if stops is not None:
            return stops
    return None


def timed_with_break(scn, sp, window, jobs, at):
    """Start times with the break taken on arriving for job `at` (or after the last, `at == len`)."""
    sessions, schools, model = scn["sessions"], {s["id"]: s for s in scn["schools"]}, scn["travel"]
    rest = window.get("break")
    pos, clock, total, stops = sp["base"], hhmm(window["start"]), 0, []

    def take(clock):
        start = max(clock, hhmm(rest["earliest"]))
        return start + rest["minutes"] if start + rest["minutes"] <= hhmm(rest["latest_end"]) else None

    for i, j in enumerate(jobs):
        s = sessions[j]
        leg = travel(model, pos, schools[s["school"]])
        total += leg
        clock += leg
        if at == i:
            clock = take(clock)
            if clock is None:
                return None
        start = max(clock, hhmm(s["earliest"]) if s.get("earliest") else 0)
        end = start + s["duration_min"]
        if s.get("latest_end") and end > hhmm(s["latest_end"]):
            return None
        stops.append({"session": s["id"], "start": f"{start // 60:02d}:{start % 60:02d}"})
        pos, clock = schools[s["school"]], end
    if at == len(jobs):
        clock = take(clock)
        if clock is None:
            return None
    back = travel(model, pos, sp["base"])
    cap = sp.get("max_travel_min_per_day")
    if clock + back > hhmm(window["end"]) or (cap is not None and total + back > cap):
        return None
    return stops


def trim_to_caps(scn, sp, day, jobs):
    """Drops VROOM's lowest-priority schools until the distinct-school cap and every window hold."""
    sessions = scn["sessions"]
    cap = sp.get("max_schools_per_day")
    while jobs:
        by_school = {}
        for j in jobs:
            by_school[sessions[j]["school"]] = by_school.get(sessions[j]["school"], 0) + sessions[j]["priority"]
        stops = timed(scn, sp, day, jobs)
        if stops is not None and (cap is None or len(by_school) <= cap):
            return stops
        worst = min(by_school, key=lambda k: by_school[k])
        jobs = [j for j in jobs if sessions[j]["school"] != worst]
    return []


def lp_bound(path):
    out = subprocess.run([sys.executable, os.path.join(TOOLS, "lp_bound.py"), path], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    # HiGHS prints its banner to stdout first; the tool's answer is the last line.
    return json.loads(out.stdout.strip().splitlines()[-1])["lp_bound"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenarios", nargs="*")
    ap.add_argument("--county", action="store_true", help="also the 400-school synthetic county")
    ap.add_argument("--no-vroom", action="store_true")
    ap.add_argument("--lp", action="store_true", help="also the LP bound (HiGHS)")
    ap.add_argument("--level", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--vroom-timeout", type=int, default=None, help="seconds VROOM may search (default: none)")
    ap.add_argument("--caseload-args", default="", help="extra arguments for caseload plan")
    ap.add_argument("--anytime", type=float, default=None,
                    help="also caseload with --time-limit SECONDS (the anytime search), e.g. 30")
    a = ap.parse_args()
    paths = a.scenarios or sorted(glob.glob(os.path.join(ROOT, "Fixtures", "weeks", "*.json")))
    if a.county:
        county = os.path.join(tempfile.gettempdir(), "caseload-county-400.json")
        subprocess.run([BIN, "fixtures", "county", "--out", county], check=True, stdout=subprocess.DEVNULL)
        paths.append(county)
    header = f"{'scenario':<18}{'sessions':>9} | {'caseload served':>15}{'share':>7}{'travel':>8}{'secs':>7}{'MiB':>6}"
    header += "" if a.anytime is None else f" | {'anytime served':>14}{'share':>7}{'travel':>8}{'secs':>7}"
    header += "" if a.no_vroom else f" | {'vroom served':>12}{'share':>7}{'travel':>8}{'secs':>7} | {'ratio':>6}"
    header += f" | {'bound':>7}"
    print(header)
    for path in paths:
        scn = json.load(open(path))
        plan, wall, mib = run_caseload(path, a.caseload_args.split())
        ours = check(scn, plan)
        assert ours["valid"], ours["violations"][:5]
        bound = lp_bound(path) if a.lp else None
        bound = bound or ours["upper_bound"]
        line = f"{scn['name']:<18}{len(scn['sessions']):>9} | {ours['served_priority']:>15}" \
               f"{ours['served_priority'] / bound:>7.1%}{ours['travel_min']:>8}{wall:>7.1f}{mib:>6.0f}"
        if a.anytime is not None:
            aplan, awall, _ = run_caseload(path, a.caseload_args.split() + ["--time-limit", str(a.anytime)])
            any_ = check(scn, aplan)
            assert any_["valid"], any_["violations"][:5]
            line += f" | {any_['served_priority']:>14}{any_['served_priority'] / bound:>7.1%}{any_['travel_min']:>8}{awall:>7.1f}"
        if not a.no_vroom:
            vplan, vwall = vroom_plan(scn, a.threads, a.level, a.vroom_timeout)
            theirs = check(scn, vplan)
            flag = "" if theirs["valid"] else " INVALID"
            line += f" | {theirs['served_priority']:>12}{theirs['served_priority'] / bound:>7.1%}" \
                    f"{theirs['travel_min']:>8}{vwall:>7.1f}{flag}"
            line += f" | x{ours['served_priority'] / max(1, theirs['served_priority']):.3f}"
        line += f" | {bound:>7}{' (LP)' if a.lp else ' (knapsack)'}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
