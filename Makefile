# Gapmap: `make serve` to run the app, `make test` to run every test layer.
# Both install what is missing first (scripts/install-tools.sh).

SHELL := /bin/bash
# scripts/bin first: its wasm-bindgen splits the wasm, then runs the real one.
export PATH := $(CURDIR)/scripts/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown --no-default-features

.PHONY: serve dist portable test tools tools-test lint test-native test-wasm test-e2e bench bench-app lighthouse clean

## Serve the app on http://127.0.0.1:8080 (release build, rebuilt on change).
serve: tools
	trunk serve --release

## Build the release into dist/, for any static host (works under a sub-path);
## then check that Trunk ran the post-build hook on it (ARCHITECTURE.md,
## "How a release is built").
dist: tools
	trunk build --release
	node scripts/post-build.mjs --check dist

## One gapmap.html that runs from disk (file://), no server needed:
## dist-portable/gapmap.html, from the release build (scripts/portable.mjs).
portable: dist
	node scripts/portable.mjs dist dist-portable

## Every test layer: formatting and lints, native tests of the core and the
## command, the wasm32 build, browser tests of storage and components, and
## end-to-end journeys through the built app.
test: tools-test lint test-native test-wasm test-e2e

tools:
	scripts/install-tools.sh build

tools-test:
	scripts/install-tools.sh test

lint:
	cargo fmt --check
	cargo clippy --all-targets --features fuzzing -- -D warnings
	cargo clippy $(WASM) --lib --bin gapmap-web --test web -- -D warnings
	cargo clippy $(WASM) --features split --lib --bin gapmap-web -- -D warnings

test-native:
	cargo test --features fuzzing

## wasm-bindgen tests in headless Chromium (runner set in .cargo/config.toml).
test-wasm:
	cargo build $(WASM) --lib
	cargo test $(WASM) --test web

test-e2e: dist
	cd tests/e2e && npx playwright test

## Criterion benchmarks of the core, and the browser benchmark of the app
## (2,000 gaps); figures go to docs/benchmarks.md.
bench:
	cargo bench

bench-app: dist tools-test
	cd tests/e2e && npx playwright test --config bench.config.mjs

## Lighthouse scores of the release build, served under /gapmap/ (figures
## in docs/benchmarks.md). Not in `make test`: the scores move with the load.
lighthouse: dist tools-test
	scripts/lighthouse.sh dist

clean:
	cargo clean
	rm -rf dist dist-portable tests/e2e/test-results
