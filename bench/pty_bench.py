#!/usr/bin/env python3
"""pd-intake in a real pseudo-terminal (80x24), side by side with `dialog --menu`.

Measures, for each program in the same run:
  * time to first frame: spawn -> last byte of the first screen (the burst that ends when the
    program has drawn and waits for a key);
  * key-to-frame latency: key written -> last byte of the redraw it causes (median, p90 over
    many Down/Up presses, on the welcome screen and on a question);
  * peak memory: VmHWM from /proc/PID/status just before quitting.
Prints a table and the ratios pd-intake / dialog.

Usage: python3 bench/pty_bench.py [--binary target/release/pd-intake] [--questions FILE]
                                  [--presses 200] [--runs 5] [--starts 21]
                                  [--pd-args "EXTRA ARGS"] [--question-keys updown|help]
(--pd-args: more pd-intake arguments, shell-quoted, e.g. for read aloud:
 --pd-args "--read-aloud --speech-command 'espeak-ng -v en-us --stdin -w /dev/null'".
 --question-keys help: on the question screen press ? and Esc in turn instead of Down and Up;
 each opens or closes the help, a new screen, so with --read-aloud every key both stops a
 voice and starts one after its frame.)
(--starts: extra start-ups, alternating the two programs, that only time the first frame:
a start is short and noisy, so its median needs more samples than the key presses.)
Needs: pip install ptyprocess pyte; apt-get install dialog.
"""

import argparse
import os
import select
import shlex
import shutil
import statistics
import sys
import tempfile
import time

import ptyprocess
import pyte

COLS, ROWS = 80, 24
QUIET = 0.05  # a frame is complete when no byte has arrived for this long
DOWN, UP, ENTER = b"\x1b[B", b"\x1b[A", b"\r"
HELP, ESC = b"?", b"\x1b"
# What xterm sends once a program turns on application cursor keys (dialog/ncurses does).
APP_DOWN, APP_UP = b"\x1bOB", b"\x1bOA"


class Term:
    """A program in a pty, with a pyte screen fed from everything it writes."""

    def __init__(self, argv, env_extra=None):
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        env.update(env_extra or {})
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.t0 = time.perf_counter()
        self.p = ptyprocess.PtyProcess.spawn(argv, env=env, dimensions=(ROWS, COLS))

    def burst(self, timeout=5.0):
        """Reads one burst of output; returns (time of first byte, time of last byte)."""
        fd = self.p.fd
        first = last = None
        chunks = []
        deadline = time.perf_counter() + timeout
        while True:
            wait = QUIET if first is not None else max(0.0, deadline - time.perf_counter())
            r, _, _ = select.select([fd], [], [], wait)
            if not r:
                break
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.perf_counter()
            first = first if first is not None else now
            last = now
            chunks.append(data)
        # The screen is fed after the burst: feeding pyte while reading would charge its
        # (slow, Python) parsing of early chunks to the program that wrote them.
        self.stream.feed(b"".join(chunks))
        return first, last

    def first_frame(self):
        _, last = self.burst(timeout=10.0)
        if last is None:
            raise RuntimeError("no output at all")
        return last - self.t0

    def key(self, k):
        """Writes a key; returns the seconds until its redraw was complete (None if none)."""
        t = time.perf_counter()
        os.write(self.p.fd, k)
        _, last = self.burst(timeout=2.0)
        return None if last is None else last - t

    def text(self):
        return "\n".join(self.screen.display)

    def peak_kib(self):
        with open(f"/proc/{self.p.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def close(self, quit_keys=b"\x03"):
        try:
            os.write(self.p.fd, quit_keys)
            self.burst(timeout=1.0)
        except OSError:
            pass
        if self.p.isalive():
            self.p.terminate(force=True)


def presses(term, n, keys=(DOWN, UP)):
    out = []
    for i in range(n):
        dt = term.key(keys[i % 2])
        if dt is not None:
            out.append(dt)
    return out


def run_pd(binary, questions, n, extra=(), question_keys=(DOWN, UP)):
    data = tempfile.mkdtemp(prefix="pdbench-")
    t = Term(pd_argv(binary, questions, data) + list(extra))
    try:
        first = t.first_frame()
        if "English" not in t.text() and "Español" not in t.text():
            raise RuntimeError("pd-intake welcome screen not seen:\n" + t.text())
        welcome = presses(t, n)
        # Into the interview: past the welcome screen and the opening info screen, to a
        # yes/no question (the first one in both the built-in and the generated files).
        t.key(ENTER)
        t.key(ENTER)
        if "Yes" not in t.text():
            raise RuntimeError("expected a yes/no question:\n" + t.text())
        question = presses(t, n, question_keys)
        peak = t.peak_kib()
    finally:
        t.close()
        shutil.rmtree(data, ignore_errors=True)
    return first, welcome, question, peak


def pd_argv(binary, questions, data):
    argv = [binary, "--today", "2026-11-27", "--data-dir", data]
    if questions:
        argv += ["--questions", questions]
    return argv


def dialog_argv():
    items = []
    for i in range(1, 11):
        items += [str(i), f"Choice number {i}"]
    return ["dialog", "--menu", "Pick one", "20", "60", "10"] + items


def first_frame_only(argv, quit_keys):
    t = Term(argv)
    try:
        return t.first_frame()
    finally:
        t.close(quit_keys)


def run_dialog(n):
    t = Term(dialog_argv())
    try:
        first = t.first_frame()
        menu = presses(t, n, (APP_DOWN, APP_UP))
        peak = t.peak_kib()
    finally:
        t.close(b"\x1b")
    return first, menu, menu, peak


def ms(x):
    return f"{x * 1000:8.2f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/pd-intake")
    ap.add_argument("--questions", default=None)
    ap.add_argument("--presses", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--starts", type=int, default=21)
    ap.add_argument("--pd-args", default="", help="more pd-intake arguments (shell-quoted)")
    ap.add_argument("--question-keys", choices=["updown", "help"], default="updown")
    a = ap.parse_args()
    extra = shlex.split(a.pd_args)
    qkeys = (HELP, ESC) if a.question_keys == "help" else (DOWN, UP)
    if not shutil.which("dialog"):
        sys.exit("dialog is not installed (apt-get install -y dialog)")

    pd_first, dl_first, pd_w, pd_q, dl_k, pd_peak, dl_peak = [], [], [], [], [], [], []
    for _ in range(a.runs):
        # Alternate the two programs so both see the same machine load.
        f, w, q, p = run_pd(a.binary, a.questions, a.presses, extra, qkeys)
        pd_first.append(f), pd_w.extend(w), pd_q.extend(q), pd_peak.append(p)
        f, k, _, p = run_dialog(a.presses)
        dl_first.append(f), dl_k.extend(k), dl_peak.append(p)
    for _ in range(a.starts):
        data = tempfile.mkdtemp(prefix="pdbench-")
        argv = pd_argv(a.binary, a.questions, data) + extra
        pd_first.append(first_frame_only(argv, b"\x03"))
        shutil.rmtree(data, ignore_errors=True)
        dl_first.append(first_frame_only(dialog_argv(), b"\x1b"))

    def p90(xs):
        return sorted(xs)[int(len(xs) * 0.9)]

    label = a.questions or "built-in questionnaire"
    if extra:
        label += " " + shlex.join(extra)
    if a.question_keys == "help":
        label += ", question keys ? / Esc"
    print(f"pd-intake ({label}) vs dialog --menu, {COLS}x{ROWS} pty, {a.runs} runs, "
          f"{a.presses} presses per screen, {len(pd_first)} starts each")
    print(f"{'measure':34} {'pd-intake':>10} {'dialog':>10} {'ratio':>7}")
    rows = [
        ("first frame, median (ms)", statistics.median(pd_first), statistics.median(dl_first)),
        ("key-to-frame welcome, median (ms)", statistics.median(pd_w), statistics.median(dl_k)),
        ("key-to-frame question, median (ms)", statistics.median(pd_q), statistics.median(dl_k)),
        ("key-to-frame question, p90 (ms)", p90(pd_q), p90(dl_k)),
    ]
    for name, x, y in rows:
        print(f"{name:34} {ms(x):>10} {ms(y):>10} {x / y:7.2f}")
    px, py = max(pd_peak), max(dl_peak)
    print(f"{'peak memory VmHWM (MiB)':34} {px / 1024:10.2f} {py / 1024:10.2f} {px / py:7.2f}")


if __name__ == "__main__":
    main()
