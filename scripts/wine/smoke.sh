#!/usr/bin/env bash
# Smoke test of the Windows build under Wine, against the Linux build of the same commit:
#   scripts/wine/smoke.sh path/to/pd-intake.exe path/to/pd-intake
# --version; `check`; `score` of a scenario, byte for byte the Linux output; a piped --plain
# interview typed with CRLF line ends (as Windows pipes send), the same screen text as Linux
# with LF and its record saved. Needs wine and gcc-mingw-w64-x86-64 (.ci/run installs them).
set -euo pipefail
exe=$(realpath "$1")
linux=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

# Quiet, and no offer to install Mono or Gecko (they would wait for a click).
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
tmp=$(mktemp -d)
export WINEPREFIX=$tmp/prefix
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

# A fresh prefix each run; wineboot now and then hangs on a loaded machine: time out, retry.
for try in 1 2 3; do
    if timeout 300 wineboot -i >"$tmp/wineboot.log" 2>&1 && wineserver -w; then
        break
    fi
    echo "wine: wineboot failed (try $try)" >&2
    wineserver -k >/dev/null 2>&1 || true
    rm -rf "$WINEPREFIX"
    [ "$try" = 3 ] && { cat "$tmp/wineboot.log" >&2; exit 1; }
done
# Wine 8 has no bcryptprimitives.dll (Rust's std asks it for random numbers): a test-only
# stand-in, built here, never shipped.
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$here/processprng.c" -lbcrypt

fail=0 passed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
bad() { echo "FAILED: $1" >&2; fail=$((fail + 1)); }
# One retry for a run that times out (Wine's first start of a program can stall); a wrong
# answer is never retried.
win() {
    local rc
    for try in 1 2; do
        rc=0
        timeout 120 wine "$exe" "$@" || rc=$?
        [ "$rc" != 124 ] && return "$rc"
        echo "wine: timed out (try $try)" >&2
    done
    return "$rc"
}

v=$(win --version | tr -d '\r')
[ "$v" = "$("$linux" --version)" ] && ok "--version: $v" || bad "--version: '$v'"

if win check >"$tmp/check.win" 2>&1; then
    ok "check: $(head -n1 "$tmp/check.win" | tr -d '\r')"
else
    bad "check: $(cat "$tmp/check.win")"
fi

scenario=tests/scenarios/daca_recipient.yaml
for format in json txt; do
    (cd "$repo" && win score --answers "$scenario" --format "$format") >"$tmp/score.win"
    (cd "$repo" && "$linux" score --answers "$scenario" --format "$format") >"$tmp/score.linux"
    if cmp -s "$tmp/score.win" "$tmp/score.linux"; then
        ok "score --format $format: $(wc -c <"$tmp/score.win") bytes, same as Linux"
    else
        bad "score --format $format differs from Linux"
        diff "$tmp/score.linux" "$tmp/score.win" | head -n 20 >&2 || true
    fi
done

# Spanish, Enter on the welcome text, two answers, then the input ends: saved, code shown.
typed='2\n\nno\nno\n'
printf "$typed" | sed 's/$/\r/' >"$tmp/in.crlf"
mkdir -p "$WINEPREFIX/drive_c/pd-data" "$tmp/linux-data"
win --plain --today 2026-11-27 --data-dir 'C:\pd-data' <"$tmp/in.crlf" >"$tmp/plain.win" 2>&1 ||
    bad "plain: exit $?"
printf "$typed" | "$linux" --plain --today 2026-11-27 --data-dir "$tmp/linux-data" \
    >"$tmp/plain.linux" 2>&1 || bad "plain (Linux): exit $?"
code='[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z]\{4\}'
norm() { tr -d '\r' <"$1" | sed "s/$code/CODE/g"; }
if [ "$(norm "$tmp/plain.win")" = "$(norm "$tmp/plain.linux")" ] &&
    grep -q "¿Tiene ahora una orden de deportación?" "$tmp/plain.win" &&
    ls "$WINEPREFIX/drive_c/pd-data"/*.json >/dev/null 2>&1; then
    ok "plain with CRLF input: $(wc -l <"$tmp/plain.win") lines as on Linux, record $(basename "$(ls "$WINEPREFIX/drive_c/pd-data"/*.json)") saved"
else
    bad "plain with CRLF input"
    diff <(norm "$tmp/plain.linux") <(norm "$tmp/plain.win") | head -n 20 >&2 || true
fi

# Where records go on Windows: %LOCALAPPDATA%\pd-intake\data (the name once), records an older
# version left in ...\pd-intake\pd-intake\data moved there; portable mode beside the .exe.
record=$(ls "$WINEPREFIX/drive_c/pd-data"/*.json | head -n1)
local_app=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local | head -n1)
mkdir -p "$local_app/pd-intake/pd-intake/data"
cp "$record" "$local_app/pd-intake/pd-intake/data/"
win list >"$tmp/list.win" 2>&1 || true
moved="$local_app/pd-intake/data/$(basename "$record")"
if grep -q "$(basename "$record" .json)" "$tmp/list.win" && [ -f "$moved" ] &&
    [ ! -e "$local_app/pd-intake/pd-intake" ]; then
    ok "old data folder: $(basename "$record") moved to AppData\\Local\\pd-intake\\data and listed"
else
    bad "old data folder: $(cat "$tmp/list.win")"
fi
touch "$(dirname "$exe")/pd-intake.portable"
win list >"$tmp/list.win" 2>&1 || true
rm -f "$(dirname "$exe")/pd-intake.portable"
if tr -d '\r' <"$tmp/list.win" | grep -q 'pd-intake-data\.$'; then
    ok "portable: $(tr -d '\r' <"$tmp/list.win")"
else
    bad "portable: $(cat "$tmp/list.win")"
fi

echo "smoke: $passed passed, $fail failed"
[ "$fail" = 0 ]
