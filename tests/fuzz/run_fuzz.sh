#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS on a corpus seeded from tests/data and tests/fuzz/seeds.
# Usage: run_fuzz.sh FUZZ_BUILD_DIR TARGET SECONDS
# A crash, a sanitizer report or a timeout fails (exit non-zero); the input is saved as
# FUZZ_BUILD_DIR/crash-TARGET-* for reproduction (run the target binary on that file).
set -euo pipefail
build=$1 target=$2 seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../data"
corpus="$build/corpus/$target"
mkdir -p "$corpus"
seed() { for f in "$@"; do [ -f "$f" ] && cp -f "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done; return 0; }
case "$target" in
  safetensors) seed "$data"/hf/*/model.safetensors "$data"/hf-families/*_tokcls/model.safetensors ;;
  zip) seed "$data"/hf/*/bin/pytorch_model.bin ;;
  config) seed "$data"/hf/*/config.json "$data"/hf-families/*/config.json ;;
  vocab) head -300 "$data/vocab/bert-base-uncased-vocab.txt" > "$corpus/seed-vocab.txt" ;;
  table) seed "$data"/datasets/*.tsv ;;
  conll) seed "$data"/datasets/conll_sample.txt ;;
esac
seed "$here/seeds/$target"/*
exec "$build/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crash-$target-"
