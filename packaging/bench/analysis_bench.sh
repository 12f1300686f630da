#!/usr/bin/env bash
# The Analyse page's figures (issue #19), measured in one run on this machine:
#   - data-map bookkeeping: fine-tuning time with and without it (5 interleaved rounds, medians),
#   - embeddings of SST-2 train (67,349 sentences) with the demo model and their PCA,
#   - t-SNE of 3,000 of them,
#   - the scatter plot's redraw at 100k points.
# Usage: packaging/bench/analysis_bench.sh [BUILD_DIR] [SST2_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
sst2=${2:-$root/../shared/data/sst2}
cli=$build/app/distilbench-cli
demo=$root/resources/demo/sst2-distilbert-tiny
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -m1 "model name" /proc/cpuinfo | sed 's/.*: /CPU: /'
echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -E 'avx2|avx512f|avx512_bf16|amx_bf16|fma' | sort -u | tr '\n' ' ')"

head -n 5001 "$sst2/train.tsv" > "$work/train5k.tsv"
train() {  # $1: extra flag; prints wall seconds
  local out=$work/run-$RANDOM
  local start end
  start=$(date +%s.%N)
  "$cli" train --model "$demo" --train "$work/train5k.tsv" --epochs 1 --validation-split 0 \
    --max-length 64 --batch-size 32 $1 --out "$out" > "$work/train.log" 2>&1 ||
    { echo "training failed:" >&2; tail -3 "$work/train.log" >&2; exit 1; }
  end=$(date +%s.%N)
  rm -rf "$out"
  echo "$end - $start" | bc
}
with=(); without=()
for round in 1 2 3 4 5; do
  with+=("$(train "")")
  without+=("$(train --no-data-map)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }
w=$(median "${with[@]}"); wo=$(median "${without[@]}")
echo "fine-tuning 5,000 rows, 1 epoch: with data map ${w}s, without ${wo}s (rounds: ${with[*]} / ${without[*]}); ratio $(echo "scale=3; $w / $wo" | bc)"

"$cli" embed "$demo" --data "$sst2/train.tsv" --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print("embeddings of %d texts: %.1f s (%.0f texts/s); PCA: %.3f s" % (d["examples"], d["embedding_seconds"], d["examples"]/d["embedding_seconds"], d["projection_seconds"]))'
head -n 3001 "$sst2/train.tsv" > "$work/train3k.tsv"
"$cli" embed "$demo" --data "$work/train3k.tsv" --project tsne --json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print("t-SNE of %d points: %.1f s" % (d["points"], d["projection_seconds"]))'
"$build/packaging/bench/distilbench-bench-scatter" 100000 60 2>/dev/null
