#!/bin/sh
# Prints how many pages the staff report and the take-home sheet of some built-in scenarios
# take when printed from the HTML, on Letter and on A4, and the page the answers appendix
# starts on. Needs a debug build, headless Chromium and poppler-utils (pdfinfo, pdftotext):
#   apt-get install -y chromium poppler-utils && cargo build && scripts/report-pages.sh
# Goal (issue 17): the staff report's first part fits in 4 pages, the take-home sheet in 1.
set -eu
bin=${BIN:-target/debug/pd-intake}
today=${TODAY:-2026-12-01}
out=$(mktemp -d)
for s in ${SCENARIOS:-long_time_parent_without_papers recent_arrival_in_court prior_removal_reentry}; do
  # A scenario is an answers file with name/today/expect added: keep the answers part.
  grep -v '^name:\|^today:' "tests/scenarios/$s.yaml" | sed '/^expect:/,$d' > "$out/$s.yaml"
  "$bin" report "$out/$s.yaml" --format html --lang en --today "$today" -o "$out/$s.staff.html" --data-dir "$out/data"
  "$bin" report "$out/$s.yaml" --take-home --format html --lang es --today "$today" -o "$out/$s.take-home.html" --data-dir "$out/data"
  for kind in staff take-home; do
    for size in Letter A4; do
      sed "s/@page { margin/@page { size: $size; margin/" "$out/$s.$kind.html" > "$out/p.html"
      chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
        --no-pdf-header-footer --print-to-pdf="$out/p.pdf" "file://$out/p.html" >/dev/null 2>&1
      n=$(pdfinfo "$out/p.pdf" | awk '/^Pages/ {print $2}')
      a=-
      for p in $(seq 1 "$n"); do
        if pdftotext -f "$p" -l "$p" "$out/p.pdf" - | grep -q "Answers by section"; then a=$p; break; fi
      done
      echo "$s $kind $size: $n pages (answers start on page $a)"
    done
  done
done
rm -rf "$out"
