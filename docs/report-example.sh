#!/usr/bin/env bash
# Makes docs/report-example.png: the first page of a report of the last 90 days of the
# generated journal (3,000 entries, seed 7), as Chromium renders it at A4 width.
# Run from the project's root: bash docs/report-example.sh  (needs chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --bin closer --example generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./target/release/examples/generate --entries 3000 --seed 7 --data-dir "$work/journal" >/dev/null
./target/release/closer --data-dir "$work/journal" report \
    --from "$(date -d '-89 days' +%F)" -o "$work/report.html"
# A4 at 96 dpi is 794 × 1123 CSS pixels; twice that for a sharp picture.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --force-device-scale-factor=2 \
    --window-size=794,1123 --screenshot="$PWD/docs/report-example.png" \
    "file://$work/report.html" 2>/dev/null
echo "docs/report-example.png written"
