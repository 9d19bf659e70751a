#!/usr/bin/env python3
"""Flesch-Kincaid grade of the English texts in a pd-intake question file.

    python3 scripts/fk_grade.py [questions/discretion.yaml] [--max 8] [--all] [--list]

By default it grades every question's English `text` (what the applicant must read to answer)
and exits 1 if any is above --max (default 8). --all also reports help, choice labels, factor
explanations, next steps, flag explanations and notices (reported, not enforced; choice
labels only when they have 6 words or more). --list prints
every graded text with its grade, hardest first.

Grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59. Syllables are counted with a
small English heuristic (vowel groups, silent final e, -le, -ed, a few exceptions), good enough
to compare texts; it is not a substitute for reading the text aloud to a real applicant.
Numbers, form names (I-246, DD-214) and abbreviations (US, ICE, DACA) count as one syllable
per word, except a short table of common abbreviations spelled out letter by letter.
"""
import argparse
import re
import statistics
import sys

import yaml

# Abbreviations read letter by letter (syllables as spoken).
SPOKEN = {"us": 2, "ice": 1, "tps": 3, "daca": 2, "ged": 3, "ead": 3, "irs": 3, "itin": 2,
          "dui": 3, "doj": 3, "iep": 3, "sijs": 4, "vawa": 2, "nta": 3}
SPECIAL = {"every": 3, "people": 2, "area": 3, "idea": 3, "being": 2, "doing": 2, "going": 2,
           "create": 2, "created": 3, "business": 2, "family": 3, "different": 3, "years": 1,
           "someone": 2, "anyone": 3, "everyone": 3, "sometimes": 2, "something": 2,
           "police": 2, "since": 1, "whose": 1, "lives": 1, "lived": 1, "gives": 1,
           "made": 1, "ones": 1, "were": 1, "there": 1, "where": 1, "here": 1, "more": 1,
           "before": 2, "there's": 1, "they're": 1, "you're": 1, "don't": 1, "i'd": 1,
           "married": 2, "tried": 1, "parents": 2, "parent": 2, "violence": 3, "being": 2,
           "toward": 2, "science": 2, "via": 2, "real": 1, "really": 2, "naturalization": 5,
           "citizen": 3, "citizens": 3, "serious": 3, "period": 3, "deportation": 4,
           "immigration": 4, "because": 2, "guardianship": 4, "guardian": 3}


def syllables(word):
    w = word.lower().strip("'’")
    if not w:
        return 0
    if w in SPOKEN and word.isupper() or (w in SPOKEN and w not in ("us", "ice")):
        return SPOKEN[w]
    if w in SPECIAL:
        return SPECIAL[w]
    if re.fullmatch(r"[0-9,.\-/]+", w):
        return 1
    if re.search(r"[0-9]", w):  # I-246, DD-214, W-2
        return 2
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    w2 = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)  # silent endings
    w2 = re.sub(r"^y", "", w2)
    groups = re.findall(r"[aeiouy]{1,2}", w2)
    n = len(groups)
    if re.search(r"[^aeiouy]le$", w):
        n += 1
    if re.search(r"(ia|io|iu|ua|eo)", w2) and not re.search(r"(tion|sion|cial|tial|cious|tious|geous|qua|gua)", w2):
        n += 1
    return max(1, n)


def sentences_and_words(text):
    text = re.sub(r"\([^)]*\)", lambda m: m.group(0)[1:-1], text)  # parentheses: keep words
    parts = [p for p in re.split(r"(?<=[.!?:;])\s+|\n+", text.strip()) if re.search(r"[A-Za-z0-9]", p)]
    words = [w for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text)]
    return max(1, len(parts)), words


def grade(text):
    n_sent, words = sentences_and_words(text)
    if not words:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / n_sent + 11.8 * syl / len(words) - 15.59


def collect(doc, everything):
    out = []
    for s in doc.get("sections", []):
        for q in s.get("questions", []):
            out.append(("question", q["id"], q["text"]["en"]))
            if everything:
                if "help" in q:
                    out.append(("help", q["id"], q["help"]["en"].removeprefix("Why we ask: ")))
                for c in q.get("choices", []):
                    # FK means little for a label of a few words ("Asylum" grades 20).
                    if len(c["label"]["en"].split()) >= 6:
                        out.append(("choice", f"{q['id']}.{c['id']}", c["label"]["en"]))
    if everything:
        out.append(("notice", "notice", doc["notice"]["en"]))
        for f in doc.get("factors", []):
            out.append(("explain", f["id"], f["explain"]["en"]))
            out.append(("next_step", f["id"], f["next_step"]["en"]))
        for f in doc.get("flags", []):
            out.append(("flag", f["id"], f["explain"]["en"]))
        for n in doc.get("notices", []):
            out.append(("notice", n["id"], n["text"]["en"]))
    return out


def histogram(grades):
    bins = {}
    for g in grades:
        b = "≤2" if g <= 2 else (f"{int(g)}–{int(g) + 1}" if g < 12 else "≥12")
        bins[b] = bins.get(b, 0) + 1

    def key(b):
        return -1 if b == "≤2" else (99 if b == "≥12" else int(b.split("–")[0]))
    return "  ".join(f"{b}: {bins[b]}" for b in sorted(bins, key=key))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="questions/discretion.yaml")
    ap.add_argument("--max", type=float, default=8.0)
    ap.add_argument("--all", action="store_true", help="also grade help, labels, explanations")
    ap.add_argument("--list", action="store_true", help="print every text with its grade")
    a = ap.parse_args()
    with open(a.file, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    items = [(k, i, t, grade(t)) for k, i, t in collect(doc, a.all)]
    bad = []
    for kind in dict.fromkeys(k for k, *_ in items):
        gs = [g for k, _, _, g in items if k == kind]
        print(f"{kind:10} n={len(gs):3}  mean {statistics.mean(gs):4.1f}  median "
              f"{statistics.median(gs):4.1f}  max {max(gs):4.1f}   {histogram(gs)}")
    for k, i, t, g in items:
        if k == "question" and g > a.max:
            bad.append((g, i, t))
    if a.list:
        for k, i, t, g in sorted(items, key=lambda x: -x[3]):
            print(f"{g:5.1f}  {k:9} {i:32} {t[:110]}")
    for g, i, t in sorted(bad, reverse=True):
        print(f"too hard ({g:.1f} > {a.max}): {i}: {t}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
