# Vigil: two commands.
#   make run   installs what is missing, builds, and opens the app
#   make test  installs what is missing and runs every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Tauri's Linux prerequisites, OpenSSL headers for SQLCipher, and the tools
# the tests use (WebKit's WebDriver, a virtual X display, PDF and image tools).
APT_BUILD := build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev \
             libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
APT_TEST  := webkit2gtk-driver xvfb xauth poppler-utils qpdf imagemagick fonts-dejavu-core xdotool time dbus-daemon dbus-bin
APP := target/debug/vigil-desktop

.PHONY: help run test setup system-packages tools fuzz-tools fuzz test-fuzz dist test-dist ui-deps ui build bench bench-ui crash-trials mutation-trials \
        check-core-boundary check-format lint test-rust check-bindings test-ui test-e2e

help:
	@echo "make run    set up, build and open Vigil"
	@echo "make test   set up and run every test (lint, core, shell, UI, end-to-end)"
	@echo "make bench  print unlock, open, SQLCipher-overhead, evidence-ingest and packet figures"
	@echo "make bench-ui  time the real window on a 10,000-incident case (release build, Xvfb)"
	@echo "make fuzz   fuzz every parser of outside input (FUZZ_SECONDS per target, nightly + cargo-fuzz)"
	@echo "make dist   build the Debian package (desktop app + vigil CLI)"

## Setup ---------------------------------------------------------------------

setup: system-packages tools ui-deps

system-packages:
	@missing=$$(for p in $(APT_BUILD) $(APT_TEST); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v node >/dev/null || { DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js 20.19 or newer is needed (found "+process.versions.node+")"); process.exit(1) }'
	@command -v cargo >/dev/null || { echo "Rust (cargo) is needed: install it with rustup, then run make again"; exit 1; }

tools:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

# Coverage-guided fuzzing needs the nightly toolchain and cargo-fuzz.
fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

ui-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

## Build and run ---------------------------------------------------------------

ui: ui-deps
	cd ui && npm run build

build: ui
	cargo build --workspace

run: setup build
	@[ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] || { echo "No display: run this in a desktop session (or under xvfb-run)"; exit 1; }
	$(APP)

bench: setup ui
	cargo bench --workspace --bench core
	cargo bench --workspace --bench evidence
	cargo bench --workspace --bench packet

# Proof at scale: 10,000 crash trials and 1,001 damaged copies (figures printed).
crash-trials: setup
	VIGIL_CRASH_TRIALS=10000 cargo test --release --test integration crash -- --nocapture
mutation-trials: setup
	VIGIL_MUTATIONS=143 cargo test --test integration mutation -- --nocapture

# The Debian package (Tauri's bundler from npm, prebuilt): the desktop app,
# the `vigil` CLI in /usr/bin, a desktop entry and icons.
DEB = target/release/bundle/deb/Vigil_0.1.0_amd64.deb
dist: setup ui
	cargo build --release -p vigil
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb
	@# Tauri's bundler compresses with gzip; Debian's own packages use xz,
	@# which shares one dictionary across the two binaries (17 → 8.4 MB).
	rm -rf target/deb-repack && dpkg-deb -R $(DEB) target/deb-repack
	dpkg-deb --root-owner-group -Zxz -z9 -b target/deb-repack $(DEB)
	rm -rf target/deb-repack
	@echo "package: $(DEB) ($$(du -h $(DEB) | cut -f1), $$(stat -c %s $(DEB)) bytes)"

# Every parser of outside input, fuzzed FUZZ_SECONDS per target (default 300).
FUZZ_SECONDS ?= 300
fuzz: setup fuzz-tools
	fuzz/run.sh $(FUZZ_SECONDS)

# The real window at 10,000 incidents: release build, Xvfb, WebDriver; prints figures.
bench-ui: setup ui tools
	cargo build --release --workspace
	E2E_SCRIPT=tests/bench/ui.mjs tests/e2e/run.sh target/release/vigil-desktop

## Tests -----------------------------------------------------------------------

test: setup ui check-core-boundary check-format lint test-rust check-bindings test-ui test-fuzz test-e2e test-dist
	@echo "All checks passed."

# Architecture invariant: the core package does not depend on Tauri.
check-core-boundary:
	@tree=$$(cargo tree -p vigil -e normal --prefix none); \
	echo "$$tree" | grep -q '^vigil v' || { echo "cargo tree did not list the core package"; exit 1; }; \
	if echo "$$tree" | grep -E '^tauri( |-)'; then echo "the core package 'vigil' must not depend on tauri"; exit 1; fi
	@echo "core boundary: vigil has no tauri dependency"

check-format:
	cargo fmt --all -- --check

lint:
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace

# The TypeScript bindings are regenerated by test-rust; committed ones must match.
check-bindings:
	@if [ -n "$$(git status --porcelain -- ui/src/ipc/bindings)" ]; then \
	  git status --short -- ui/src/ipc/bindings; git --no-pager diff --stat -- ui/src/ipc/bindings; \
	  echo "ui/src/ipc/bindings is out of date: commit the regenerated files"; exit 1; fi
	@echo "bindings: up to date"

test-ui: ui-deps
	cd ui && npm test

# A short coverage-guided run of every fuzz target (about a minute in all).
test-fuzz: fuzz-tools
	fuzz/run.sh 5

# Install the package with dpkg, run the CLI and the installed app, remove it.
test-dist: dist
	tests/dist/install.sh $(DEB)

test-e2e: build tools
	tests/e2e/run.sh $(APP)
