#!/usr/bin/env bash
# Release archives, from a clean checkout, into dist/:
#   pd-intake-VERSION-x86_64-pc-windows-gnu.zip      (pd-intake.exe, START-HERE.txt, licenses)
#   pd-intake-VERSION-x86_64-unknown-linux-gnu.tar.gz (pd-intake, man pages, completions, …)
#   SHA256SUMS
# Needs: gcc-mingw-w64-x86-64 and zip (Debian), `rustup target add x86_64-pc-windows-gnu`.
# With --install it installs those itself (as root). --allow-dirty builds uncommitted changes.
set -euo pipefail
cd "$(dirname "$0")/.."

install=0 dirty=0
for a in "$@"; do
    case $a in
        --install) install=1 ;;
        --allow-dirty) dirty=1 ;;
        *) echo "usage: scripts/dist.sh [--install] [--allow-dirty]" >&2; exit 2 ;;
    esac
done

win=x86_64-pc-windows-gnu
linux=x86_64-unknown-linux-gnu
if [ "$install" = 1 ]; then
    missing=()
    command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
    command -v zip >/dev/null || missing+=(zip)
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    rustup target list --installed | grep -qx "$win" || rustup target add "$win"
fi
if [ "$dirty" = 0 ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
    echo "dist: the work tree has changes; commit them or pass --allow-dirty" >&2
    exit 1
fi
host=$(rustc -vV | sed -n 's/^host: //p')
if [ "$host" != "$linux" ]; then
    echo "dist: builds on $linux only (this is $host)" >&2
    exit 1
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
cargo build --release --locked
cargo build --release --locked --target "$win"

rm -rf dist
stage=dist/stage
mkdir -p "$stage"
cargo run --quiet --locked --example dist_docs -- "$stage/docs" >/dev/null

start_here() { sed "s/^pd-intake VERSION$/pd-intake $version/; s/^=================$/$(printf '=%.0s' $(seq 1 $((10 + ${#version}))))/" scripts/dist/START-HERE.txt; }

# Windows: text files with CRLF so Notepad everywhere shows lines.
w="$stage/pd-intake-$version-$win"
mkdir -p "$w"
# Symbols only make the download bigger.
x86_64-w64-mingw32-strip -o "$w/pd-intake.exe" "target/$win/release/pd-intake.exe"
start_here | sed 's/$/\r/' >"$w/START-HERE.txt"
for f in LICENSE-MIT LICENSE-APACHE README.md; do
    sed 's/$/\r/' "$f" >"$w/$(basename "$f" .md)$([ "$f" = README.md ] && echo .md || echo .txt)"
done
cp "$stage/docs/completions/_pd-intake.ps1" "$w/pd-intake.ps1"

l="$stage/pd-intake-$version-$linux"
mkdir -p "$l"
strip -o "$l/pd-intake" target/release/pd-intake
start_here >"$l/START-HERE.txt"
cp LICENSE-MIT LICENSE-APACHE README.md "$l/"
cp -r "$stage/docs/completions" "$stage/docs/man" "$l/"
rm "$l/completions/_pd-intake.ps1"

# Same bytes from the same commit: fixed times and order, no owner names.
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
find "$stage" -exec touch -h -d "@$stamp" {} +
(cd "$stage" && TZ=UTC zip -qrX "../pd-intake-$version-$win.zip" "$(basename "$w")")
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
    -cf - "$(basename "$l")" | gzip -n -9 >"dist/pd-intake-$version-$linux.tar.gz"
rm -rf "$stage"
(cd dist && sha256sum ./*.zip ./*.tar.gz | sed 's# \./# #' >SHA256SUMS)
ls -l dist
