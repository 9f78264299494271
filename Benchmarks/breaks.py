#!/usr/bin/env python3
"""Served priority with lunch breaks against the same weeks without (issue 9's 97% target).

Adds a break (default 30 minutes between 11:30 and 14:00) to every working day of each bundled
fixture week, plans both versions with the release build, checks both with the independent
checker and prints served priority, its ratio and travel. Run after `swift build -c release`:

    python3 Benchmarks/breaks.py [--minutes 30] [--earliest 11:30] [--latest-end 14:00] [--lp]

With --lp (needs PyPI highspy and numpy) it also prints the LP bound (../shared/tools/lp_bound.py)
of the week without breaks and of the week with every day, and every session's window, shortened
by the break: a route with a break has that many fewer minutes for sessions and travel in the day
and in the school day the break falls in, so the second bound is (nearly) a bound on any plan with
breaks, and the ratio of the two bounds is about the most any planner can keep.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "check_plan.py"
LP = ROOT.parent / "shared" / "tools" / "lp_bound.py"


def lp_bound(scenario: dict, tmp: pathlib.Path, name: str) -> float:
    path = tmp / f"lp-{name}"
    path.write_text(json.dumps(scenario))
    out = subprocess.run([sys.executable, str(LP), str(path)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["lp_bound"]


def shortened(scenario: dict, minutes: int) -> dict:
    """Every working day, and every session's latest end, `minutes` shorter (breaks removed)."""
    def minus(t: str) -> str:
        h, m = map(int, t.split(":"))
        total = h * 60 + m - minutes
        return f"{total // 60:02d}:{total % 60:02d}"
    s = json.loads(json.dumps(scenario))
    for sp in s["specialists"]:
        for day in sp["days"]:
            day.pop("break", None)
            day["end"] = minus(day["end"])
    for session in s["sessions"]:
        if session.get("latest_end"):
            start = session.get("earliest") or "00:00"
            h, m = map(int, session["latest_end"].split(":"))
            e = list(map(int, start.split(":")))
            if (h * 60 + m) - (e[0] * 60 + e[1]) - minutes >= session["duration_min"]:
                session["latest_end"] = minus(session["latest_end"])
    return s
FIXTURES = ["county-60.json", "kemnal-w49.json", "kemnal-w50-lean.json", "ormiston-w49.json"]


def plan(scenario: pathlib.Path, out: pathlib.Path) -> dict:
    subprocess.run([str(ROOT / ".build" / "release" / "caseload"), "plan", str(scenario), "--out", str(out)],
                   check=True, capture_output=True)
    verdict = json.loads(subprocess.run([sys.executable, str(CHECKER), "--json", str(scenario), str(out)],
                                        capture_output=True, text=True).stdout)
    if not verdict.get("valid"):
        sys.exit(f"{scenario.name}: invalid plan: {verdict.get('violations')}")
    return verdict


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=30)
    ap.add_argument("--earliest", default="11:30")
    ap.add_argument("--latest-end", default="14:00")
    ap.add_argument("--lp", action="store_true", help="also print the LP bounds with and without the break")
    args = ap.parse_args()
    rest = {"minutes": args.minutes, "earliest": args.earliest, "latest_end": args.latest_end}
    print(f"{'scenario':<20} {'served':>8} {'w/ break':>9} {'ratio':>7} {'travel':>7} {'w/ break':>9}"
          + (f" {'LP bound':>9} {'w/ break':>9} {'ratio':>7}" if args.lp else ""))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for name in FIXTURES:
            scenario = json.loads((ROOT / "Fixtures" / "weeks" / name).read_text())
            for sp in scenario["specialists"]:
                for day in sp["days"]:
                    day["break"] = rest
            with_break = tmp / f"break-{name}"
            with_break.write_text(json.dumps(scenario))
            a = plan(ROOT / "Fixtures" / "weeks" / name, tmp / f"plan-{name}")
            b = plan(with_break, tmp / f"plan-break-{name}")
            ratio = b["served_priority"] / a["served_priority"]
            line = (f"{name:<20} {a['served_priority']:>8} {b['served_priority']:>9} {ratio:>7.1%} "
                    f"{a['travel_min']:>7} {b['travel_min']:>9}")
            if args.lp:
                plain = json.loads((ROOT / "Fixtures" / "weeks" / name).read_text())
                la, lb = lp_bound(plain, tmp, name), lp_bound(shortened(plain, args.minutes), tmp, f"short-{name}")
                line += f" {la:>9.0f} {lb:>9.0f} {lb / la:>7.1%}"
            print(line)


if __name__ == "__main__":
    main()
