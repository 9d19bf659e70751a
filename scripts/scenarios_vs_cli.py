#!/usr/bin/env python3
"""Score every scenario with the real binary and compare with its `expect` block.

    python3 scripts/scenarios_vs_cli.py [--bin target/debug/pd-intake] [--questions questions/discretion.yaml]

Uses `pd-intake score --answers FILE --today <scenario today> --format json`. Exit 1 on any
difference. A stop-gap until the Rust scenario harness exists; same contract.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

import yaml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/pd-intake")
    ap.add_argument("--questions", default="questions/discretion.yaml")
    ap.add_argument("--scenarios", default="tests/scenarios")
    a = ap.parse_args()
    bad = 0
    for path in sorted(glob.glob(os.path.join(a.scenarios, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            sc = yaml.safe_load(f)
        name = os.path.basename(path)
        cmd = [a.bin, "score", "--answers", path, "--questions", a.questions,
               "--today", str(sc["today"]), "--format", "json"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{name}: score failed ({r.returncode}): {r.stderr.strip()[:500]}")
            bad += 1
            continue
        out = json.loads(r.stdout)
        got = {f["id"]: f["status"] for f in out["factors"]}
        serious = sorted(f["id"] for f in out["factors"] if f.get("serious") is True)
        flags = sorted(f["id"] for f in out.get("flags", []))
        notices = sorted(n["id"] for n in out.get("notices", []))
        exp = sc["expect"]
        diffs = []
        for fid, st in exp["factors"].items():
            if got.get(fid) != st:
                diffs.append(f"{fid}: expected {st}, got {got.get(fid)}")
        for key, have in (("serious", serious), ("flags", flags), ("notices", notices)):
            want = sorted(exp.get(key) or [])
            if want != have:
                diffs.append(f"{key}: expected {want}, got {have}")
        if diffs:
            bad += 1
            print(f"{name}: FAIL")
            for d in diffs:
                print("   ", d)
        else:
            print(f"{name}: ok")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
