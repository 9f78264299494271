#!/usr/bin/env python3
"""Served priority with lunch breaks against the same weeks without (issue 9's 97% target).

Adds a break (default 30 minutes between 11:30 and 14:00) to every working day of each bundled
fixture week, plans both versions with the release build, checks both with the independent
checker and prints served priority, its ratio and travel. Run after `swift build -c release`:

    python3 Benchmarks/breaks.py [--minutes 30] [--earliest 11:30] [--latest-end 14:00]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "check_plan.py"
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
    args = ap.parse_args()
    rest = {"minutes": args.minutes, "earliest": args.earliest, "latest_end": args.latest_end}
    print(f"{'scenario':<20} {'served':>8} {'w/ break':>9} {'ratio':>7} {'travel':>7} {'w/ break':>9}")
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
            print(f"{name:<20} {a['served_priority']:>8} {b['served_priority']:>9} {ratio:>7.1%} "
                  f"{a['travel_min']:>7} {b['travel_min']:>9}")


if __name__ == "__main__":
    main()
