# The README's commands. Each installs what it needs on a fresh Debian machine.
SWIFT ?= swift
PATHS ?=

.PHONY: setup build run test bench clean

# OpenBLAS for the engine, SQLite headers for the batch's run history (GRDB).
setup:
	@{ pkg-config --exists openblas && pkg-config --exists sqlite3; } 2>/dev/null || { \
	  (apt-get update -qq && apt-get install -y -qq libopenblas-dev libsqlite3-dev pkg-config) || \
	  (sudo apt-get update -qq && sudo apt-get install -y -qq libopenblas-dev libsqlite3-dev pkg-config); }

build: setup
	$(SWIFT) build -c release --product loanbook

# The main job: the shipped base scenario on the synthetic Nijmegen book, into out/base/.
run: build
	.build/release/loanbook run scenarios/base.yaml --out out/base $(if $(PATHS),--paths $(PATHS),)

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

bench: setup
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build out
