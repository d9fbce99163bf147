#!/usr/bin/env python3
"""Writes crates/veille-geo/tables/airports.tsv from PyPI's `airportsdata` package (MIT).

    pip download airportsdata==20260905 --no-deps -d /tmp/apd
    unzip -o /tmp/apd/airportsdata-*.whl 'airportsdata/airports.csv' -d /tmp/apd
    python3 scripts/airports.py /tmp/apd/airportsdata/airports.csv > crates/veille-geo/tables/airports.tsv

Kept: airports with an IATA code (those with scheduled service, the ones news names) and
military air bases (named in conflict news), about 8,000 of the package's 28,000 strips.
The gazetteer builder derives the names news uses from each row ("Heathrow", "aéroport
d'Orly"); this script only selects and reorders columns.
"""
import csv
import re
import sys

BASE = re.compile(r"Air Base|Air Force Base|Airbase|Air Station|Naval Air|Army Air")


def main(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not (r["iata"] or BASE.search(r["name"])):
                continue
            clean = [x.replace("\t", " ").strip() for x in
                     (r["icao"], r["iata"], r["name"], r["city"], r["country"])]
            rows.append(clean + [f"{float(r['lat']):.4f}", f"{float(r['lon']):.4f}"])
    rows.sort()
    out = sys.stdout
    out.write("# Airports with an IATA code and military air bases, from PyPI's airportsdata\n")
    out.write("# 20260905 (MIT; includes data from github.com/mwgg/Airports, MIT), by\n")
    out.write("# scripts/airports.py. Columns: ICAO, IATA, name, city, country, lat, lon.\n")
    for r in rows:
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
