#!/bin/sh
# Copies the README's screenshots from the last run of the screens test (test_screens), so that
# they show the application as it is: run `ctest --test-dir build -R test_screens` first.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
shots="$build/screenshots/screens"
out="$here/docs/screenshots"
[ -d "$shots" ] || { echo "update-screenshots: $shots: no such folder (run test_screens first)" >&2; exit 1; }
mkdir -p "$out"
# README name <- screens-test name
for pair in \
    playground-page:en-light-playground \
    evaluate-page:en-light-evaluate \
    train-page:en-light-train-history \
    attention-page:en-dark-attention \
    tokenizer-page:en-light-tokenizer \
    distill-page:de-light-distill \
    models-page:en-dark-models \
    analyse-behaviour:en-light-analyse-behaviour \
    analyse-datamap:en-dark-analyse-datamap \
    analyse-projector:en-light-analyse-projector \
    analyse-counterfactuals:en-light-analyse \
    first-start-demo:en-light-start; do
    name=${pair%%:*}
    source="$shots/${pair#*:}.png"
    [ -f "$source" ] || { echo "update-screenshots: $source: missing" >&2; exit 1; }
    cp "$source" "$out/$name.png.tmp" && mv "$out/$name.png.tmp" "$out/$name.png"
done
echo "update-screenshots: copied to $out"
