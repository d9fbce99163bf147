#!/usr/bin/env python3
"""veille-time against dateparser on the same Recognizers-Text spec cases.

    python3 bench/time_vs_dateparser.py [--specs DIR] [--json]

For French and English, this script
1. runs `cargo run --release -p veille-time --example eval_time -- DIR LANG --json --records`,
   which scores veille-time and lists every *scorable* expected value of the counted spec files
   (DateParser, DatePeriodParser, DurationParser, SetParser; see crates/veille-time/README.md)
   with its input sentence, reference date, character span, TIMEX and resolutions;
2. runs dateparser (`search_dates`, with the case's reference date as RELATIVE_BASE) on the
   same sentences and judges it on the same expected values;
3. prints one table per language (per file and in total) and the difference in points.

How dateparser is judged (generously: it returns one datetime, not a TIMEX):
- it must return a date whose text overlaps the expected span;
- that date is read at the granularity of the expected value: a day, a month, a year, an ISO week;
  for a date range, the range's first day is enough; for other periods (seasons, quarters,
  decades) the first day of the period;
- it is right if that reading equals the expected value or one of the spec's future/past
  resolutions;
- durations and sets are not dates: dateparser has no representation for them, so they count
  as misses (they are reported separately so the date-only comparison is visible too).

dateparser is used here for comparison only; veille does not depend on it.
"""

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPECS = os.path.join(ROOT, "..", "shared", "data", "recognizers-text-datetime-specs")
DEFAULT_REFERENCE = dt.datetime(2016, 11, 7)  # the date the older spec cases were written for


def run_veille(specs, lang):
    cmd = [
        "cargo", "run", "--release", "-q", "-p", "veille-time", "--example", "eval_time", "--",
        specs, lang, "--json", "--records",
    ]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out), " ".join(cmd)


def parse_reference(ref):
    if not ref:
        return DEFAULT_REFERENCE
    try:
        return dt.datetime.strptime(ref[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return DEFAULT_REFERENCE


def day(s):
    return dt.date.fromisoformat(s)


def add_months(d, n):
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def expected_intervals(rec):
    """[start, end) day intervals the spec accepts for this expected value."""
    out = {(day(s), day(e)) for s, e in rec["intervals"]}
    for t in rec["gold_timex"].split("|"):
        iv = timex_interval(t)
        if iv:
            out.add(iv)
    return out


def timex_interval(t):
    if re.fullmatch(r"\d{4}-\d\d-\d\d", t):
        d = day(t)
        return d, d + dt.timedelta(days=1)
    if re.fullmatch(r"\d{4}-\d\d", t):
        d = dt.date(int(t[:4]), int(t[5:]), 1)
        return d, add_months(d, 1)
    if re.fullmatch(r"\d{4}", t):
        return dt.date(int(t), 1, 1), dt.date(int(t) + 1, 1, 1)
    if re.fullmatch(r"\d{4}-W\d\d", t):
        d = dt.date.fromisocalendar(int(t[:4]), int(t[6:]), 1)
        return d, d + dt.timedelta(days=7)
    m = re.fullmatch(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),P[^)]*\)", t)
    if m:
        return day(m.group(1)), day(m.group(2))
    return None


def granularity(t):
    t = t.split("|")[0]
    if t.startswith("("):
        return "range"
    if re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX)-\d\d", t) or "WXX-" in t:
        return "day"
    if re.fullmatch(r"(\d{4}|XXXX)-\d\d", t):
        return "month"
    if re.fullmatch(r"\d{4}", t):
        return "year"
    if re.fullmatch(r"(\d{4}|XXXX)-W\d\d", t):
        return "week"
    return "period"


def dateparser_correct(rec, hits):
    if rec["gold_type"] in ("duration", "set"):
        return False
    text_start, text_end = rec["start"], rec["end"]
    best, best_overlap = None, 0
    for s, e, value in hits:
        overlap = min(e, text_end) - max(s, text_start)
        if overlap > best_overlap:
            best, best_overlap = value, overlap
    if best is None:
        return False
    d = best.date()
    g = granularity(rec["gold_timex"])
    if g == "day":
        reading = {(d, d + dt.timedelta(days=1))}
    elif g == "month":
        s = dt.date(d.year, d.month, 1)
        reading = {(s, add_months(s, 1))}
    elif g == "year":
        reading = {(dt.date(d.year, 1, 1), dt.date(d.year + 1, 1, 1))}
    elif g == "week":
        s = d - dt.timedelta(days=d.weekday())
        reading = {(s, s + dt.timedelta(days=7))}
    else:  # ranges and other periods: the first day is enough
        return any(s == d for s, _ in expected_intervals(rec))
    return bool(reading & expected_intervals(rec))


def dateparser_hits(search_dates, rec, lang):
    text = rec["input"]
    base = parse_reference(rec.get("reference"))
    try:
        found = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # dateparser raises on some inputs; that is a miss, not a crash
        found = []
    hits = []
    for sub, value in found:
        pos = text.find(sub)
        while pos >= 0:
            hits.append((pos, pos + len(sub), value))
            pos = text.find(sub, pos + 1)
    return hits


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--specs", default=DEFAULT_SPECS)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args()
    try:
        from dateparser.search import search_dates
        import dateparser
    except ImportError:
        sys.exit("dateparser is not installed: pip install dateparser")

    result = OrderedDict(dateparser_version=dateparser.__version__, languages=OrderedDict())
    for lang in ("fr", "en"):
        report, cmd = run_veille(os.path.abspath(args.specs), lang)
        per_file = OrderedDict()
        for rec in report["records"]:
            f = per_file.setdefault(rec["file"], {"n": 0, "veille": 0, "dateparser": 0, "dates_n": 0,
                                                  "dates_veille": 0, "dates_dateparser": 0})
            ok_dp = dateparser_correct(rec, dateparser_hits(search_dates, rec, lang))
            f["n"] += 1
            f["veille"] += rec["correct"]
            f["dateparser"] += ok_dp
            if rec["gold_type"] in ("date", "daterange"):
                f["dates_n"] += 1
                f["dates_veille"] += rec["correct"]
                f["dates_dateparser"] += ok_dp
        total = {k: sum(f[k] for f in per_file.values()) for k in
                 ("n", "veille", "dateparser", "dates_n", "dates_veille", "dates_dateparser")}
        result["languages"][lang] = OrderedDict(command=cmd, files=per_file, total=total)

    if args.json:
        print(json.dumps(result, indent=1))
        return
    pct = lambda a, n: 100.0 * a / n if n else 0.0
    print(f"veille-time vs dateparser {result['dateparser_version']} on the same scorable spec values")
    for lang, r in result["languages"].items():
        print(f"\n[{lang}]  {r['command']}")
        print(f"{'file':<24} {'values':>6} {'veille %':>9} {'dateparser %':>13} {'diff':>7}")
        rows = list(r["files"].items()) + [("TOTAL", r["total"])]
        for name, f in rows:
            v, d = pct(f["veille"], f["n"]), pct(f["dateparser"], f["n"])
            print(f"{name:<24} {f['n']:>6} {v:>9.1f} {d:>13.1f} {v - d:>+7.1f}")
        t = r["total"]
        v, d = pct(t["dates_veille"], t["dates_n"]), pct(t["dates_dateparser"], t["dates_n"])
        print(f"{'dates/periods only':<24} {t['dates_n']:>6} {v:>9.1f} {d:>13.1f} {v - d:>+7.1f}")


if __name__ == "__main__":
    main()
