#!/usr/bin/env bash
# Fails (listing the files) when a C++ file of the project is not formatted by .clang-format.
# Run by CTest (format_check) and so by CI; packaging/git-hooks/pre-commit runs it before each
# commit. Fix with: clang-format -i FILES.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT="${1:-clang-format}"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find core widgets app tests resources packaging -name '*.cpp' -o -name '*.h')
fi
bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if ! "$CLANG_FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted (clang-format -i ${bad[*]}):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} files formatted"
