#!/usr/bin/env bash
# Installs what DistilBench needs to build, run and test on Debian 12, and makes sure LibTorch
# uses the OpenMP build of OpenBLAS (the reference BLAS is ~60x slower). Safe to run again.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6
  libqcustomplot-dev libtorch-dev libgloo-dev libsentencepiece-dev libonnx-dev libdnnl-dev
  libopenblas0-openmp libtcmalloc-minimal4
  xvfb xauth poppler-utils
  dbus-daemon gnome-keyring
  clang libclang-rt-14-dev clang-format git
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-deps: run as root or install sudo" >&2; exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup-deps: all packages present"
fi

# LibTorch links libblas.so.3; on Debian that is an alternative. Point it at OpenBLAS (OpenMP).
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
openblas="/usr/lib/${arch}/openblas-openmp/libblas.so.3"
if [ -e "$openblas" ]; then
  current=$(readlink -f "/usr/lib/${arch}/libblas.so.3" || true)
  if [ "$current" != "$(readlink -f "$openblas")" ]; then
    echo "setup-deps: selecting OpenBLAS (OpenMP) for libblas.so.3"
    $SUDO update-alternatives --set "libblas.so.3-${arch}" "$openblas"
  fi
  lapack="/usr/lib/${arch}/openblas-openmp/liblapack.so.3"
  if [ -e "$lapack" ] && [ "$(readlink -f "/usr/lib/${arch}/liblapack.so.3")" != "$(readlink -f "$lapack")" ]; then
    $SUDO update-alternatives --set "liblapack.so.3-${arch}" "$lapack"
  fi
else
  echo "setup-deps: warning: $openblas not found; LibTorch will use the slow reference BLAS" >&2
fi

# The export tests run ONNX models in ONNX Runtime from npm. --ignore-scripts: the CPU build
# ships inside the package; its install script would only try to download GPU binaries.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup-deps: installing nodejs and npm (for the ONNX export tests)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/tests/onnx/node_modules/onnxruntime-node/package.json" ]; then
  echo "setup-deps: installing onnxruntime-node for the tests"
  (cd "$root/tests/onnx" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error) ||
    echo "setup-deps: warning: onnxruntime-node could not be installed; the ONNX runtime checks will be skipped" >&2
fi
