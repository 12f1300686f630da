#!/bin/sh
# Builds the Debian package with CPack and checks its contents and metadata.
# Usage: check_deb.sh BUILD_DIR
set -eu
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/distilbench_*.deb)
info=$(dpkg-deb -I "$deb")
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
fail=0
need_file() { echo "$files" | grep -qx "$1" || { echo "missing in package: $1"; fail=1; }; }
need_dep() { echo "$info" | grep '^ Depends:' | grep -q "$1" || { echo "Depends lacks $1"; fail=1; }; }
for f in ./usr/bin/distilbench ./usr/bin/distilbench-cli ./usr/libexec/distilbench/distilbench-cli-engine \
         ./usr/share/applications/io.github.distilbench.DistilBench.desktop \
         ./usr/share/metainfo/io.github.distilbench.DistilBench.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/distilbench.svg \
         ./usr/share/icons/hicolor/48x48/apps/distilbench.png \
         ./usr/share/icons/hicolor/256x256/apps/distilbench.png \
         ./usr/share/man/man1/distilbench.1 ./usr/share/man/man1/distilbench-cli.1 \
         ./usr/share/distilbench/vocab/bert-base-uncased-vocab.txt \
         ./usr/share/distilbench/vocab/LICENSE.bert-vocab \
         ./usr/share/distilbench/demo/sst2-distilbert-tiny/model.safetensors \
         ./usr/share/distilbench/suites/sentiment.json ./usr/share/distilbench/suites/ner.json \
         ./usr/share/doc/distilbench/copyright; do
  need_file "$f"
done
echo "$files" | grep -q 'distilbench_sentencepiece.so$' || { echo "missing the sentencepiece module"; fail=1; }
echo "$files" | grep -q 'distilbench/distilbench_gui.so$' || { echo "missing the GUI module"; fail=1; }
for d in libtcmalloc-minimal4 libdnnl2 libtorch1.13 libqt6widgets6 libqt6core6 libqcustomplot libsentencepiece0 libonnx1 libopenblas0-openmp; do need_dep "$d"; done
echo "$info" | grep -q '^ Package: distilbench$' || { echo "wrong package name"; fail=1; }
echo "$info" | grep -q '^ Section: science$' || { echo "no section"; fail=1; }
echo "$info" | grep -q '^ Architecture: amd64\|^ Architecture: arm64' || { echo "no architecture"; fail=1; }
# The metadata files parse, and the desktop entry names the binary and icon the package ships.
dpkg-deb -x "$deb" "$out/root"
grep -q '^Exec=distilbench' "$out/root/usr/share/applications/io.github.distilbench.DistilBench.desktop" || { echo "desktop Exec"; fail=1; }
grep -q '^Icon=distilbench$' "$out/root/usr/share/applications/io.github.distilbench.DistilBench.desktop" || { echo "desktop Icon"; fail=1; }
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$out/root/usr/share/applications/io.github.distilbench.DistilBench.desktop" || fail=1
fi
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$out/root/usr/share/metainfo/io.github.distilbench.DistilBench.metainfo.xml" || fail=1
fi
# The installed CLI runs from the package tree and finds its resources and module there.
QT_QPA_PLATFORM=offscreen "$out/root/usr/bin/distilbench-cli" env --json >"$out/env.json" || { echo "packaged CLI does not run"; fail=1; }
grep -q '"sentencepiece"' "$out/env.json" || { echo "packaged CLI lacks env output"; fail=1; }
"$out/root/usr/bin/distilbench-cli" predict "$out/root/usr/share/distilbench/demo/sst2-distilbert-tiny" --text "a wonderful, moving film" \
  | grep -qi positive || { echo "packaged demo model does not predict"; fail=1; }
# The launcher finds the engine and the engine its built-in suites, from the package tree.
"$out/root/usr/bin/distilbench-cli" check "$out/root/usr/share/distilbench/demo/sst2-distilbert-tiny" --json \
  | grep -q '"suite": "Sentiment (built-in)"' || { echo "packaged check cannot find its suite"; fail=1; }
# The packaged GUI launcher finds its module in the package tree (it keeps running: stopped
# after a few seconds; a failure to load is printed at once).
QT_QPA_PLATFORM=offscreen DISTILBENCH_KEYCHAIN=0 timeout 8 "$out/root/usr/bin/distilbench" >/dev/null 2>"$out/gui.err" || true
if grep -q "cannot start" "$out/gui.err"; then echo "packaged GUI: $(grep 'cannot start' "$out/gui.err")"; fail=1; fi
[ $fail -eq 0 ] && echo "package OK: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
exit $fail
