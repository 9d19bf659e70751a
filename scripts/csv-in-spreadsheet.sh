#!/usr/bin/env bash
# Opens the CSVs of tests/exchange_csv.rs (the 16 built-in scenarios, and the escaping test
# with =HYPERLINK) in LibreOffice headless, converts them to xlsx, and checks the sheets: every
# row, every column, and not one formula. Needs `soffice` (Debian: libreoffice-calc-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
PD_INTAKE_CSV_DIR="$out" cargo test -q --test exchange_csv >/dev/null
# The check must be able to fail: the same cell without the apostrophe is a live formula.
printf 'a\r\n"=HYPERLINK(""http://x"",""click"")"\r\n' >"$out/live.csv"
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$out" \
  "$out/live.csv" >/dev/null 2>&1
if ! unzip -p "$out/live.xlsx" xl/worksheets/sheet1.xml | grep -q '<f[ >]'; then
  echo "LibreOffice did not run the live formula: this check would prove nothing" >&2
  exit 1
fi
echo "live.xlsx: the unescaped =HYPERLINK is a formula (as expected)"
for name in scenarios escaping; do
  # CSV filter options: comma, double quote, UTF-8 (76), from line 1.
  soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$out" \
    "$out/$name.csv" >/dev/null 2>&1
  python3 - "$out/$name.csv" "$out/$name.xlsx" <<'PY'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
z = zipfile.ZipFile(sys.argv[2])
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
strings = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        strings.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
formulas = sheet.findall(".//m:f", ns)
assert not formulas, f"{len(formulas)} formulas in {sys.argv[2]}"
xrows = sheet.findall(".//m:sheetData/m:row", ns)
assert len(xrows) == len(rows), (len(xrows), len(rows))
for r, xr in zip(rows, xrows):
    cells = {}
    for c in xr.findall("m:c", ns):
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        n = 0
        for ch in col:
            n = n * 26 + ord(ch) - 64
        v = c.find("m:v", ns)
        if v is not None:
            cells[n - 1] = strings[int(v.text)] if c.get("t") == "s" else v.text
    for i, want in enumerate(r):
        got = cells.get(i, "")
        # Numbers and dates come back as numbers; text must come back as it was written.
        if not re.fullmatch(r"[0-9.:TZ-]+", want):
            assert got == want, (want, got)
    assert max(cells, default=-1) < len(r)
print(f"{sys.argv[2].rsplit('/', 1)[-1]}: {len(rows) - 1} rows x {len(rows[0])} columns, 0 formulas, text cells identical")
PY
done
