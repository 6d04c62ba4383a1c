#!/usr/bin/env bash
# Installs what building and testing Gapmap needs, skipping whatever is
# already there: the wasm32 target, Trunk, the wasm-bindgen CLI at exactly the
# version in Cargo.lock, wasm-split-cli, npm packages (wasm-opt, Playwright, axe-core) and,
# for tests, Debian's Chromium and ChromeDriver. Nothing here downloads a
# prebuilt binary outside the package registries.
#
# Usage: scripts/install-tools.sh [build|test]   (test also installs the browser)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-build}
say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

trunk_version=0.21.14
if ! trunk --version 2>/dev/null | grep -q "$trunk_version"; then
  say "installing trunk $trunk_version (takes several minutes, once)"
  # Trunk 0.22 needs a newer rustc; a lighter release profile keeps the build short.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked "trunk@$trunk_version"
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (takes several minutes, once)"
  # Without --locked: the locked build fails on this toolchain.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-split-cli cuts the release wasm into chunks (scripts/bin/wasm-bindgen).
split_version=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$split_version:"; then
  say "installing wasm-split-cli $split_version (takes a few minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$split_version" --features build-binary
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (wasm-opt, Playwright, axe-core)"
  npm ci --no-audit --no-fund
fi

# poppler-utils: pdfinfo, pdftotext and pdftoppm check the printed report.
if [ "$want" = test ] && ! { command -v chromium && command -v chromedriver && command -v pdfinfo; } >/dev/null 2>&1; then
  say "installing Chromium, ChromeDriver and poppler-utils from Debian"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver poppler-utils
fi
