#!/usr/bin/env python3
"""Drive the full-screen interview in tmux as a user would, answering from a scenario file.

Usage: scripts/tmux_walk.py SCENARIO.yaml [--lang es] [--size 80x24] [--dont-know ID ...]
Starts `target/release/pd-intake` in a tmux session named `walk`, reads each screen with
capture-pane, finds the question by its text, and types the scenario's answer (questions the
scenario does not answer get "I don't know"). Prints every screen it saw.
"""
import argparse, subprocess, sys, time, yaml

def sh(*a):
    return subprocess.run(a, capture_output=True, text=True).stdout

def pane():
    return sh("tmux", "capture-pane", "-p", "-t", "walk")

def keys(*k):
    subprocess.run(["tmux", "send-keys", "-t", "walk", *k])
    time.sleep(0.15)

def norm(s):
    return " ".join(s.split())

ap = argparse.ArgumentParser()
ap.add_argument("scenario")
ap.add_argument("--lang", default="es")
ap.add_argument("--size", default="80x24")
ap.add_argument("--data-dir", default="/tmp/pd-walk")
ap.add_argument("--dont-know", nargs="*", default=[])
ap.add_argument("--back-at", default=None, help="question id after which to go back twice")
a = ap.parse_args()
qn = yaml.safe_load(open("questions/discretion.yaml"))
sc = yaml.safe_load(open(a.scenario))
answers = sc["answers"]
questions = [q for s in qn["sections"] for q in s["questions"]]
w, h = a.size.split("x")
subprocess.run(["tmux", "kill-session", "-t", "walk"], capture_output=True)
subprocess.run(["tmux", "new", "-d", "-s", "walk", "-x", w, "-y", h,
                f"./target/release/pd-intake --today 2026-11-27 --data-dir {a.data_dir}; sleep 600"])
time.sleep(0.8)
if a.lang == "es":
    keys("Down")
keys("Enter")
went_back = False
for step in range(200):
    screen = pane()
    flat = norm(screen)
    if "Su resumen" in screen or "Your summary" in screen:
        print(screen)
        break
    q = None
    for cand in questions:
        t = norm(cand["text"][a.lang] if isinstance(cand["text"], dict) else cand["text"])
        if t[:60] and t[:60] in flat:
            q = cand
    if q is None:
        print("UNRECOGNIZED SCREEN:\n" + screen)
        break
    kind, qid = q["kind"], q["id"]
    ans = answers.get(qid, "unknown")
    if qid in a.dont_know:
        ans = "unknown"
    print(f"--- {qid} ({kind}) -> {ans}")
    nchoices = 2 if kind == "yes_no" else len(q.get("choices", []))
    if kind == "info":
        keys("Enter")
    elif ans in ("unknown", "declined"):
        idx = nchoices + (1 if ans == "unknown" else 2) if kind in ("yes_no", "single_choice", "multi_choice") else (2 if ans == "unknown" else 3)
        if kind in ("yes_no", "single_choice", "multi_choice"):
            keys("Home")
            for _ in range(idx - 1):
                keys("Down")
        else:
            keys("Down") if idx == 2 else (keys("Down"), keys("Down"))
        keys("Enter")
    elif kind == "yes_no":
        keys("1" if ans == "yes" else "2"); keys("Enter")
    elif kind == "single_choice":
        ids = [c["id"] for c in q["choices"]]
        keys(str(ids.index(ans) + 1)); keys("Enter")
    elif kind == "multi_choice":
        ids = [c["id"] for c in q["choices"]]
        # clear what is marked (resume/back) is not needed on a first pass
        for x in ans:
            keys(str(ids.index(x) + 1))
        keys("Enter")
    else:
        keys("-l", str(ans))
        keys("C-s" if q.get("multiline") else "Enter")
    if a.back_at == qid and not went_back:
        went_back = True
        print("--- going back twice")
        keys("Escape"); keys("Escape")
        print(pane())
        keys("Enter"); keys("Enter")
        print(pane())
else:
    print("too many steps")
