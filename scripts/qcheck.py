#!/usr/bin/env python3
"""Content checks and a reference simulator for pd-intake question files.

Independent of the Rust code: it re-implements design.md §3–§5 (three-valued conditions,
visibility in file order, factor statuses) so content authors can test the question file and
the scenarios before (or besides) `pd-intake check` / `pd-intake score`.

    python3 scripts/qcheck.py [questions/discretion.yaml] [--scenarios tests/scenarios] [-v]

Exit 1 on any error. Needs PyYAML.
"""
import argparse
import datetime as dt
import glob
import os
import re
import sys

import yaml

KINDS = {"yes_no", "single_choice", "multi_choice", "number", "year", "date", "text", "info"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
LANGS = ("en", "es")
CATALOG_FACTORS = {
    "favorable": ["long_presence", "lawful_status_history", "arrived_as_child", "us_education",
                  "military_service", "us_family", "primary_caregiver", "family_hardship",
                  "community_ties", "work_and_taxes", "age", "pregnancy", "serious_health",
                  "crime_victim_or_witness", "labor_or_housing_complaint", "home_country_danger",
                  "rehabilitation", "other_relief"],
    "adverse": ["criminal_history", "pending_charges", "gang_allegation", "security_concern",
                "prior_removal_order", "reentry_after_removal", "immigration_fraud",
                "recent_entry", "missed_hearings"],
}
CATALOG_FLAGS = ["u_visa", "t_visa", "vawa", "sijs", "asylum", "cancellation", "tps", "daca",
                 "family_petition"]
CATALOG_NOTICES = ["not_in_court", "in_court", "final_order", "detained", "dismissal_risk",
                   "victim_confidential", "registration", "status_ending", "hearing_date_passed",
                   "arrest_detention_risk"]
SPECIAL = ("unknown", "declined")
STATUSES = {"strong", "weak", "undocumented", "concern", "not_applicable", "unknown"}


class Report:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


# ───────────────────────────────────────────── loading

def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def questions_in_order(doc):
    out = []
    for s in doc.get("sections", []):
        for q in s.get("questions", []):
            out.append((s, q))
    return out


# ───────────────────────────────────────────── static checks

def check_text(rep, where, t, required=True):
    if t is None:
        if required:
            rep.err(f"{where}: missing text")
        return
    if not isinstance(t, dict):
        rep.err(f"{where}: text must be a map with en and es")
        return
    for lang in LANGS:
        v = t.get(lang)
        if not isinstance(v, str) or not v.strip():
            rep.err(f"{where}: missing {lang}")
    extra = set(t) - set(LANGS)
    if extra:
        rep.err(f"{where}: unknown language keys {sorted(extra)}")


def cond_refs(c):
    """All question ids a condition reads."""
    if not isinstance(c, dict):
        return []
    if "all" in c:
        return [r for x in c["all"] for r in cond_refs(x)]
    if "any" in c:
        return [r for x in c["any"] for r in cond_refs(x)]
    if "not" in c:
        return cond_refs(c["not"])
    if "answered" in c:
        return [c["answered"]]
    if "unknown" in c:
        return [c["unknown"]]
    return [c.get("question")]


OPS = {"is", "is_not", "in", "includes", "includes_any", "at_least", "at_most",
       "years_ago_at_least", "years_ago_at_most", "count_at_least",
       "days_until_at_most", "days_until_at_least"}
OP_KINDS = {
    "is": {"yes_no", "single_choice", "number"},
    "is_not": {"yes_no", "single_choice", "number"},
    "in": {"yes_no", "single_choice", "number"},
    "includes": {"multi_choice"},
    "includes_any": {"multi_choice"},
    "at_least": {"number", "year"},  # as the Rust loader
    "at_most": {"number", "year"},
    "years_ago_at_least": {"year", "date"},
    "years_ago_at_most": {"year", "date"},
    "days_until_at_most": {"date"},  # 2026 additions (docs/question-format.md)
    "days_until_at_least": {"date"},
    "count_at_least": {"multi_choice"},
}


def check_cond(rep, where, c, qindex, limit):
    """limit: index of the first question that may NOT be referenced (None = any)."""
    if not isinstance(c, dict):
        rep.err(f"{where}: condition must be a map")
        return
    for combo in ("all", "any"):
        if combo in c:
            if set(c) != {combo} or not isinstance(c[combo], list) or not c[combo]:
                rep.err(f"{where}: `{combo}` must be the only key and hold a non-empty list")
                return
            for i, x in enumerate(c[combo]):
                check_cond(rep, f"{where}.{combo}[{i}]", x, qindex, limit)
            return
    if "not" in c:
        if set(c) != {"not"}:
            rep.err(f"{where}: `not` must be the only key")
        check_cond(rep, f"{where}.not", c["not"], qindex, limit)
        return
    for k in ("answered", "unknown"):
        if k in c:
            if set(c) != {k}:
                rep.err(f"{where}: `{k}` must be the only key")
            ref_ok(rep, where, c[k], qindex, limit)
            return
    qid = c.get("question")
    ops = set(c) - {"question"}
    if qid is None or len(ops) != 1 or not ops <= OPS:
        rep.err(f"{where}: bad condition {c}")
        return
    if not ref_ok(rep, where, qid, qindex, limit):
        return
    op = ops.pop()
    val = c[op]
    q = qindex[qid][1]
    kind = q["kind"]
    if kind not in OP_KINDS[op]:
        rep.err(f"{where}: `{op}` cannot be used on {kind} question `{qid}`")
        return
    choice_ids = {ch["id"] for ch in q.get("choices", [])}
    if kind == "yes_no":
        vals = val if isinstance(val, list) else [val]
        for v in vals:
            if v not in ("yes", "no"):
                rep.err(f"{where}: yes_no value must be the string \"yes\" or \"no\", got {v!r}")
    if kind in ("single_choice", "multi_choice") and op in ("is", "is_not", "in", "includes", "includes_any"):
        vals = val if isinstance(val, list) else [val]
        for v in vals:
            if v not in choice_ids:
                rep.err(f"{where}: `{v}` is not a choice of `{qid}`")
    if op in ("in", "includes_any") and not isinstance(val, list):
        rep.err(f"{where}: `{op}` needs a list")


def ref_ok(rep, where, qid, qindex, limit):
    if qid not in qindex:
        rep.err(f"{where}: unknown question `{qid}`")
        return False
    if limit is not None and qindex[qid][0] >= limit:
        rep.err(f"{where}: refers to `{qid}`, which is not earlier in the file")
        return False
    if qindex[qid][1]["kind"] == "info":
        rep.err(f"{where}: refers to info screen `{qid}`")
        return False
    return True


def static_check(doc, rep):
    ids = {}

    def claim(i, what):
        if not isinstance(i, str) or not SNAKE.match(i):
            rep.err(f"{what}: id {i!r} is not snake_case")
        if i in ids:
            rep.err(f"{what}: id `{i}` already used by {ids[i]}")
        ids[i] = what

    for key in ("format", "id", "version", "title", "languages", "policy_as_of", "notice",
                "sources", "documents", "sections", "factors", "flags", "notices"):
        if key not in doc:
            rep.err(f"top level: missing `{key}`")
    check_text(rep, "title", doc.get("title"))
    check_text(rep, "notice", doc.get("notice"))
    for s in doc.get("sources", []):
        if not {"id", "title"} <= set(s) <= {"id", "title", "date", "status", "url"}:
            rep.err(f"source {s.get('id')}: keys must be id, title and optionally date, status, url")
    docs = {}
    for d in doc.get("documents", []):
        claim(d["id"], f"document {d['id']}")
        check_text(rep, f"document {d['id']}.name", d.get("name"))
        docs[d["id"]] = d
    seed = ["pay stubs", "proof of family ties", "community service letters"]
    names = " | ".join(d["name"]["en"].lower() for d in docs.values())
    for s in seed:
        if s not in names:
            rep.err(f"documents: no document name contains the seed words “{s}”")

    flat = questions_in_order(doc)
    qindex = {}
    for i, (s, q) in enumerate(flat):
        qindex.setdefault(q["id"], (i, q))
    first_q_of_section = {}
    i = 0
    for s in doc.get("sections", []):
        claim(s["id"], f"section {s['id']}")
        check_text(rep, f"section {s['id']}.title", s.get("title"))
        first_q_of_section[s["id"]] = i
        if "when" in s:
            check_cond(rep, f"section {s['id']}.when", s["when"], qindex, i)
        for q in s.get("questions", []):
            qid = q["id"]
            where = f"question {qid}"
            claim(qid, where)
            kind = q.get("kind")
            if kind not in KINDS:
                rep.err(f"{where}: unknown kind {kind!r}")
            allowed = {"id", "kind", "text", "help", "when", "choices", "sensitive", "min", "max",
                       "max_chars", "multiline", "unknown"}
            if set(q) - allowed:
                rep.err(f"{where}: unknown keys {sorted(set(q) - allowed)}")
            check_text(rep, f"{where}.text", q.get("text"))
            if kind != "info":
                check_text(rep, f"{where}.help", q.get("help"))
                h = q.get("help") or {}
                if not str(h.get("en", "")).startswith("Why we ask: "):
                    rep.err(f"{where}: English help must start with “Why we ask: ”")
                if not str(h.get("es", "")).startswith("Por qué preguntamos: "):
                    rep.err(f"{where}: Spanish help must start with “Por qué preguntamos: ”")
                if q.get("sensitive") and "Only the clinic's staff" not in str(h.get("en", "")):
                    rep.err(f"{where}: sensitive help must say who sees the answer")
            if "unknown" in q and (kind != "info" or q["unknown"] is not False):
                rep.err(f"{where}: `unknown: false` is only for info screens")
            if kind == "info" and q.get("unknown") is not False:
                rep.warn(f"{where}: info screen without `unknown: false`")
            if ("min" in q or "max" in q) and kind not in ("number", "year", "date"):
                rep.err(f"{where}: min/max only for number, year, date")
            if ("max_chars" in q or "multiline" in q) and kind != "text":
                rep.err(f"{where}: max_chars/multiline only for text")
            if kind in ("single_choice", "multi_choice"):
                chs = q.get("choices") or []
                if len(chs) < 2:
                    rep.err(f"{where}: needs at least 2 choices")
                seen = set()
                for ch in chs:
                    cid = ch.get("id")
                    if cid in SPECIAL:
                        rep.err(f"{where}: choice id `{cid}` is reserved")
                    if not isinstance(cid, str) or not SNAKE.match(cid):
                        rep.err(f"{where}: choice id {cid!r} is not snake_case")
                    if cid in seen:
                        rep.err(f"{where}: duplicate choice `{cid}`")
                    seen.add(cid)
                    check_text(rep, f"{where}.choice {cid}", ch.get("label"))
                    if ch.get("exclusive") and kind != "multi_choice":
                        rep.err(f"{where}: exclusive only makes sense in multi_choice")
            elif "choices" in q:
                rep.err(f"{where}: choices on a {kind} question")
            if "when" in q:
                check_cond(rep, f"{where}.when", q["when"], qindex, i)
            i += 1

    factors = doc.get("factors", [])
    got = {"favorable": [], "adverse": []}
    evidence_questions = set()
    for f in factors:
        fid = f["id"]
        where = f"factor {fid}"
        claim(fid, where)
        dirn = f.get("direction")
        if dirn not in got:
            rep.err(f"{where}: bad direction {dirn!r}")
            continue
        got[dirn].append(fid)
        for k in ("title", "explain", "next_step"):
            check_text(rep, f"{where}.{k}", f.get(k))
        check_cond(rep, f"{where}.applies", f.get("applies"), qindex, None)
        if dirn == "favorable":
            if "serious" in f:
                rep.err(f"{where}: `serious` is for adverse factors")
            if "strong" in f:
                check_cond(rep, f"{where}.strong", f["strong"], qindex, None)
            ev = f.get("evidence")
            if not ev:
                rep.err(f"{where}: favorable factor without evidence")
            else:
                eq = ev.get("question")
                if eq not in qindex:
                    rep.err(f"{where}: evidence question `{eq}` not found")
                else:
                    evidence_questions.add(eq)
                    q = qindex[eq][1]
                    if q["kind"] != "multi_choice":
                        rep.err(f"{where}: evidence question must be multi_choice")
                    excl = [c for c in q.get("choices", []) if c.get("exclusive")]
                    if len(excl) > 1 or any(c["id"] != "none" for c in excl):
                        rep.err(f"{where}: evidence question may have one exclusive choice, `none`")
                    for c in q.get("choices", []):
                        if not c.get("exclusive") and c["id"] not in docs:
                            rep.err(f"{where}: evidence choice `{c['id']}` is not a document id")
                    if q.get("when") != f.get("applies"):
                        rep.warn(f"{where}: evidence question `{eq}` is not asked exactly when the factor applies")
                if not isinstance(ev.get("min"), int) or ev["min"] < 1:
                    rep.err(f"{where}: evidence.min must be a positive integer")
        else:
            if "strong" in f or "evidence" in f:
                rep.err(f"{where}: adverse factors take `serious`, not strong/evidence")
            if "serious" not in f:
                rep.warn(f"{where}: adverse factor without `serious`")
            else:
                check_cond(rep, f"{where}.serious", f["serious"], qindex, None)
    for dirn, want in CATALOG_FACTORS.items():
        if sorted(got[dirn]) != sorted(want):
            rep.err(f"factors ({dirn}): have {sorted(got[dirn])}, catalog wants {sorted(want)}")
    used_docs = set()
    for eq in evidence_questions:
        used_docs |= {c["id"] for c in qindex[eq][1].get("choices", []) if not c.get("exclusive")}
    for d in docs:
        if d not in used_docs:
            rep.warn(f"document `{d}` is not offered by any evidence question")

    flags = doc.get("flags", [])
    for fl in flags:
        claim(fl["id"], f"flag {fl['id']}")
        check_text(rep, f"flag {fl['id']}.title", fl.get("title"))
        check_text(rep, f"flag {fl['id']}.explain", fl.get("explain"))
        if "you may qualify for another way to stay; a lawyer must check" not in fl["explain"]["en"].lower():
            rep.err(f"flag {fl['id']}: explain must say “You may qualify for another way to stay; a lawyer must check”")
        check_cond(rep, f"flag {fl['id']}.when", fl.get("when"), qindex, None)
    if [f["id"] for f in flags] != CATALOG_FLAGS:
        rep.err(f"flags: have {[f['id'] for f in flags]}, catalog wants {CATALOG_FLAGS}")
    notices = doc.get("notices", [])
    for n in notices:
        claim(n["id"], f"notice {n['id']}")
        check_text(rep, f"notice {n['id']}.text", n.get("text"))
        check_cond(rep, f"notice {n['id']}.when", n.get("when"), qindex, None)
    if sorted(n["id"] for n in notices) != sorted(CATALOG_NOTICES):
        rep.err(f"notices: have {[n['id'] for n in notices]}, catalog wants {CATALOG_NOTICES}")

    # Deliberately repeated conditions must stay identical.
    fmap = {f["id"]: f for f in factors}
    flmap = {f["id"]: f["when"] for f in flags}
    want_other = {"any": [flmap[i] for i in CATALOG_FLAGS if i in flmap]}
    if fmap.get("other_relief", {}).get("applies") != want_other:
        rep.err("factor other_relief: applies must be `any` of the 9 flag conditions, in flag order")
    want_victim = {"any": [flmap.get("u_visa"), flmap.get("t_visa"), flmap.get("vawa")]}
    nmap = {n["id"]: n["when"] for n in notices}
    if nmap.get("victim_confidential") != want_victim:
        rep.err("notice victim_confidential: when must be `any` of the u_visa, t_visa, vawa conditions")
    return qindex


# ───────────────────────────────────────────── three-valued evaluation

def years_between(d0, d1):
    y = d1.year - d0.year
    if (d1.month, d1.day) < (d0.month, d0.day):
        y -= 1
    return y


def to_date(v):
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def norm(v):
    if v is True:
        return "yes"
    if v is False:
        return "no"
    return v


class Sim:
    def __init__(self, doc, qindex, answers, today):
        self.doc, self.qindex, self.today = doc, qindex, today
        self.answers = {k: norm(v) for k, v in (answers or {}).items()}
        self.visible = []
        self.visible_set = set()
        for s in doc["sections"]:
            sv = self.ev(s["when"]) is True if "when" in s else True
            for q in s["questions"]:
                if sv and ("when" not in q or self.ev(q["when"]) is True):
                    self.visible.append(q["id"])
                    self.visible_set.add(q["id"])

    def state(self, qid):
        if qid not in self.visible_set or qid not in self.answers:
            return "absent", None
        v = self.answers[qid]
        if v in SPECIAL:
            return "unknown", v
        return "answered", v

    def ev(self, c):
        if "all" in c:
            vals = [self.ev(x) for x in c["all"]]
            if False in vals:
                return False
            return None if None in vals else True
        if "any" in c:
            vals = [self.ev(x) for x in c["any"]]
            if True in vals:
                return True
            return None if None in vals else False
        if "not" in c:
            v = self.ev(c["not"])
            return None if v is None else not v
        if "answered" in c:
            return self.state(c["answered"])[0] == "answered"
        if "unknown" in c:
            return self.state(c["unknown"])[0] == "unknown"
        qid = c["question"]
        st, v = self.state(qid)
        if st != "answered":
            return None
        kind = self.qindex[qid][1]["kind"]
        op = next(k for k in c if k != "question")
        x = c[op]
        if op == "is":
            return v == x
        if op == "is_not":
            return v != x
        if op == "in":
            return v in x
        if op == "includes":
            return x in v
        if op == "includes_any":
            return any(i in v for i in x)
        if op == "at_least":
            return v >= x
        if op == "at_most":
            return v <= x
        if op == "count_at_least":
            return self.count(qid) >= x
        if op in ("years_ago_at_least", "years_ago_at_most"):
            if kind == "year":
                ago = self.today.year - int(v)
            else:
                ago = years_between(to_date(v), self.today)
            return ago >= x if op == "years_ago_at_least" else ago <= x
        if op in ("days_until_at_most", "days_until_at_least"):
            days = (to_date(v) - self.today).days
            return days <= x if op == "days_until_at_most" else days >= x
        raise ValueError(op)

    def count(self, qid):
        st, v = self.state(qid)
        if st != "answered":
            return 0
        excl = {c["id"] for c in self.qindex[qid][1].get("choices", []) if c.get("exclusive")}
        return len([i for i in v if i not in excl])

    def score(self):
        out = {}
        detail = {}
        for f in self.doc["factors"]:
            a = self.ev(f["applies"])
            if a is None:
                out[f["id"]] = "unknown"
                continue
            if a is False:
                out[f["id"]] = "not_applicable"
                continue
            if f["direction"] == "adverse":
                out[f["id"]] = "concern"
                detail[f["id"]] = self.ev(f["serious"]) if "serious" in f else False
                continue
            s = self.ev(f["strong"]) if "strong" in f else True
            ev = f["evidence"]
            n = self.count(ev["question"])
            if n < ev["min"]:
                out[f["id"]] = "undocumented"
            elif s is True:
                out[f["id"]] = "strong"
            else:
                out[f["id"]] = "weak"
                if s is None:
                    detail[f["id"]] = "strength unknown"
        flags = [fl["id"] for fl in self.doc["flags"] if self.ev(fl["when"]) is True]
        notices = [n["id"] for n in self.doc["notices"] if self.ev(n["when"]) is True]
        serious = [k for k, v in detail.items() if v is True]
        return out, serious, flags, notices, detail


def validate_answer(rep, where, q, v):
    kind = q["kind"]
    if v in SPECIAL:
        return
    if kind == "yes_no" and v not in ("yes", "no"):
        rep.err(f"{where}: yes_no answer must be \"yes\"/\"no\", got {v!r}")
    elif kind == "single_choice" and v not in {c["id"] for c in q["choices"]}:
        rep.err(f"{where}: {v!r} is not a choice")
    elif kind == "multi_choice":
        ids = {c["id"] for c in q["choices"]}
        excl = {c["id"] for c in q["choices"] if c.get("exclusive")}
        if not isinstance(v, list) or not v:
            rep.err(f"{where}: multi_choice answer must be a non-empty list")
            return
        for i in v:
            if i not in ids:
                rep.err(f"{where}: {i!r} is not a choice")
        if excl & set(v) and len(v) > 1:
            rep.err(f"{where}: exclusive choice combined with others")
    elif kind in ("number", "year"):
        if not isinstance(v, int):
            rep.err(f"{where}: expected a whole number, got {v!r}")
        elif ("min" in q and v < q["min"]) or ("max" in q and v > q["max"]):
            rep.err(f"{where}: {v} outside {q.get('min')}..{q.get('max')}")
    elif kind == "date":
        try:
            to_date(v)
        except ValueError:
            rep.err(f"{where}: bad date {v!r}")
    elif kind == "text" and not isinstance(v, str):
        rep.err(f"{where}: text answer must be a string")


def check_scenario(doc, qindex, path, rep, verbose):
    sc = load(path)
    name = os.path.basename(path)
    for k in ("name", "today", "questionnaire", "language", "answers", "expect"):
        if k not in sc:
            rep.err(f"{name}: missing `{k}`")
    if set(sc) - {"name", "today", "questionnaire", "language", "answers", "expect"}:
        rep.err(f"{name}: unknown keys {sorted(set(sc) - {'name', 'today', 'questionnaire', 'language', 'answers', 'expect'})}")
    today = to_date(sc["today"])
    answers = sc.get("answers") or {}
    for qid, v in answers.items():
        if qid not in qindex:
            rep.err(f"{name}: answer for unknown question `{qid}`")
        else:
            validate_answer(rep, f"{name}: {qid}", qindex[qid][1], norm(v))
    sim = Sim(doc, qindex, answers, today)
    asked = [q for q in sim.visible if qindex[q][1]["kind"] != "info"]
    for q in asked:
        if q not in answers:
            rep.err(f"{name}: visible question `{q}` has no answer (interview not complete)")
    for q in answers:
        if q in qindex and q not in sim.visible_set:
            rep.err(f"{name}: answer for `{q}`, which this person is never asked")
    got, serious, flags, notices, detail = sim.score()
    exp = sc.get("expect") or {}
    ef = exp.get("factors") or {}
    all_ids = [f["id"] for f in doc["factors"]]
    if sorted(ef) != sorted(all_ids):
        rep.err(f"{name}: expect.factors must list all {len(all_ids)} factors "
                f"(missing {sorted(set(all_ids) - set(ef))}, extra {sorted(set(ef) - set(all_ids))})")
    for fid, st in ef.items():
        if st not in STATUSES:
            rep.err(f"{name}: {fid}: bad status {st!r}")
        elif got.get(fid) != st:
            rep.err(f"{name}: {fid}: expected {st}, simulator says {got.get(fid)}")
    for fid, d in detail.items():
        if d == "strength unknown":
            rep.warn(f"{name}: {fid}: documented but strength unknown (scored weak here)")
    for key, have in (("serious", serious), ("flags", flags), ("notices", notices)):
        want = exp.get(key) or []
        if sorted(want) != sorted(have):
            rep.err(f"{name}: {key}: expected {sorted(want)}, simulator says {sorted(have)}")
    n_info = len(sim.visible) - len(asked)
    if verbose:
        print(f"  {name}: {len(asked)} questions (+{n_info} info screens) — {sc.get('name')}")
    return len(asked), n_info


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="questions/discretion.yaml")
    ap.add_argument("--scenarios", default="tests/scenarios")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    rep = Report()
    doc = load(a.file)
    qindex = static_check(doc, rep)
    n_q = sum(1 for _, q in questions_in_order(doc) if q["kind"] != "info")
    n_info = sum(1 for _, q in questions_in_order(doc) if q["kind"] == "info")
    print(f"{a.file}: {n_q} questions + {n_info} info screens, {len(doc['documents'])} documents, "
          f"{len(doc['factors'])} factors, {len(doc['flags'])} flags, {len(doc['notices'])} notices")
    lengths = []
    if not rep.errors:
        for p in sorted(glob.glob(os.path.join(a.scenarios, "*.yaml"))):
            lengths.append((check_scenario(doc, qindex, p, rep, a.verbose), os.path.basename(p)))
    if lengths:
        ls = sorted(lengths)
        print(f"scenarios: {len(ls)}; questions asked (info screens not counted): "
              f"shortest {ls[0][0][0]} ({ls[0][1]}), longest {ls[-1][0][0]} ({ls[-1][1]})")
    for w in rep.warnings:
        print("warning:", w)
    for e in rep.errors:
        print("error:", e)
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    sys.exit(1 if rep.errors else 0)


if __name__ == "__main__":
    main()
