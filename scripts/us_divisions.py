#!/usr/bin/env python3
"""Writes crates/veille-geo/tables/us_divisions.tsv: the centre of each US county and state,
from npm's `us-atlas` 3.0.1 (ISC; the Census Bureau's 2017 cartographic boundaries, public
domain).

    cd /tmp && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python3 scripts/us_divisions.py /tmp/package/counties-10m.json > crates/veille-geo/tables/us_divisions.tsv

GeoNames' extracts give divisions no coordinates; the builder otherwise places a county at the
middle of its towns of 15,000 people, or, with none, at its state's point, a few hundred
kilometres off. Keys are GeoNames' admin codes ("US.KY.125" for Laurel County, Kentucky: US
admin2 codes are the county FIPS codes). The centre is the area-weighted centroid of the
polygons in longitude/latitude, close enough at a county's size.
"""
import json
import sys

# State FIPS code -> USPS abbreviation (GeoNames' US admin1 codes).
STATES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY",
}


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(arcs, ring):
    pts = []
    for i in ring:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def centroid(arcs, geom):
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    area = cx = cy = 0.0
    for poly in polys:
        for ring in poly:
            p = ring_points(arcs, ring)
            for (x0, y0), (x1, y1) in zip(p, p[1:] + p[:1]):
                c = x0 * y1 - x1 * y0
                area += c
                cx += (x0 + x1) * c
                cy += (y0 + y1) * c
    if area == 0:
        return None
    return cy / (3 * area), cx / (3 * area)


def main(path):
    topo = json.load(open(path, encoding="utf-8"))
    arcs = decode_arcs(topo)
    rows = []
    for g in topo["objects"]["states"]["geometries"]:
        st = STATES.get(g["id"])
        c = centroid(arcs, g) if st and g.get("arcs") else None
        if c:
            rows.append((f"US.{st}", g["properties"]["name"], c))
    for g in topo["objects"]["counties"]["geometries"]:
        st = STATES.get(g["id"][:2])
        c = centroid(arcs, g) if st and g.get("arcs") else None
        if c:
            rows.append((f"US.{st}.{g['id'][2:]}", g["properties"]["name"], c))
    rows.sort()
    out = sys.stdout
    out.write("# Centres of US states and counties (area-weighted centroids) from npm's us-atlas\n")
    out.write("# 3.0.1 (ISC; US Census Bureau cartographic boundaries 2017, public domain), by\n")
    out.write("# scripts/us_divisions.py. Columns: GeoNames admin code, name, lat, lon.\n")
    for code, name, (lat, lon) in rows:
        out.write(f"{code}\t{name}\t{lat:.4f}\t{lon:.4f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
