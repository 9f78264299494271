#!/usr/bin/env python3
"""Test helper: parse an iCalendar file with the `icalendar` package and print its events as JSON."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = []
for e in cal.walk("VEVENT"):
    events.append({
        "summary": str(e.get("summary")),
        "start": e.decoded("dtstart").isoformat(),
        "end": e.decoded("dtend").isoformat(),
        "description": str(e.get("description", "")),
        "category": str(e.get("categories").cats[0]) if e.get("categories") else "",
        "uid": str(e.get("uid", "")),
        "status": str(e.get("status", "")),
        "sequence": str(e.get("sequence", "")),
        "location": str(e.get("location", "")),
    })
print(json.dumps(events))
