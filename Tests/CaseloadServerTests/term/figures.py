"""The termly report's figures computed on their own, straight from the SQLite file, for the
test to compare with Caseload's page and export.

Usage: figures.py DATABASE FROM TO   (dates YYYY-MM-DD)
Prints JSON: {"trust": {...}, "schools": {URN: {...}}, "blocks_interrupted": N}; a block is
interrupted in a published week when that week's scenario asked for its second or later session
and the session is among the week's unbooked.
"""
import datetime
import json
import math
import sqlite3
import sys

db, first, last = sys.argv[1], sys.argv[2], sys.argv[3]
con = sqlite3.connect(db)
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def day(week, d):
    return (datetime.date.fromisoformat(week) + datetime.timedelta(days=DAYS.index(d))).isoformat()


def minutes(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def blank():
    return {"referrals_in": 0, "declined": 0, "waiting_now": 0, "delivered": 0, "pupil_absent": 0,
            "cancelled_by_school": 0, "cancelled_by_trust": 0, "delivered_hours": 0.0}


trust, schools = blank(), {}
received = {}
for rid, urn, status, on in con.execute("SELECT id, school_urn, status, received_on FROM referral"):
    received[rid] = (on, status)
    for line in (trust, schools.setdefault(urn, blank())):
        if first <= on <= last:
            line["referrals_in"] += 1
            line["declined"] += status == "declined"
        line["waiting_now"] += status == "waiting"
names = {"delivered": "delivered", "pupil_absent": "pupil_absent", "school_cancelled": "cancelled_by_school",
         "specialist_absent": "cancelled_by_trust"}
seen = {}
for rid, week, d, start, end, urn, outcome in con.execute(
        "SELECT referral_id, week_start, day, start, \"end\", school_urn, outcome FROM booking WHERE outcome IS NOT NULL"):
    date = day(week, d)
    if outcome == "delivered":
        seen[rid] = min(seen.get(rid, date), date)
    if not first <= date <= last:
        continue
    for line in (trust, schools.setdefault(urn, blank())):
        line[names[outcome]] += 1
        if outcome == "delivered":
            line["delivered_hours"] += (minutes(end) - minutes(start)) / 60
waits = sorted((datetime.date.fromisoformat(s) - datetime.date.fromisoformat(received[r][0])).days / 7
               for r, s in seen.items() if first <= s <= last and received[r][1] != "declined")
trust["median_wait_weeks"] = waits[max(0, math.ceil(0.5 * len(waits)) - 1)] if waits else 0
monday = (datetime.date.fromisoformat(first) - datetime.timedelta(days=datetime.date.fromisoformat(first).weekday())).isoformat()
interrupted = 0
for week, scenario in con.execute("SELECT week_start, scenario FROM timetable WHERE status = 'published' AND week_start BETWEEN ? AND ?",
                                  (monday, last)):
    later = {int(s["id"][1:].split("-s")[0]) for s in json.loads(scenario)["sessions"] if int(s["id"].split("-s")[1]) > 1}
    interrupted += sum(1 for (rid,) in con.execute("SELECT referral_id FROM unbooked WHERE week_start = ?", (week,)) if rid in later)
print(json.dumps({"trust": trust, "schools": schools, "blocks_interrupted": interrupted}))
