# Outpost — one entry point for people and CI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Every dependency, transitive ones too, pinned with its hashes (scripts/lock.py says why one
# file and for which platform). `make lock` refreshes it; uv, which resolves it, lives in
# LOCK_TOOL and is needed by `make lock` only.
LOCK      := requirements/outpost.lock
LOCK_TOOL := .lock-tool

.PHONY: help run test lint typecheck pytest bench bench-scale clean screenshots installer release translations lock

help:
	@echo "make run    - set up and start the client (first run offers a demo installation)"
	@echo "make test   - set up and run ruff, mypy and the test suite"
	@echo "make bench  - benchmarks (tables with baseline ratios)"
	@echo "make bench-scale - the client at 10k, 100k and 1M reports (stores cached in .bench-cache/)"
	@echo "make screenshots - render the main screens at 1366x768 into docs/screenshots/ (console: docs/screenshots/console/)"
	@echo "make installer - the one-folder bundle and the .deb in dist/ (docs/install.md)"
	@echo "make release - installer + dist/release/: .deb, .tar.gz, the lock, SHA256SUMS and its signature"
	@echo "make lock   - re-resolve $(LOCK) from pyproject.toml (UPGRADE=1: newest that fit)"

# Creates the virtual environment from nothing: the dependencies exactly as locked (a file
# whose hash differs from the lock's is refused), then the project itself, editable, with
# the locked setuptools as its build backend (no isolated build fetching an unlocked one).
$(VENV): $(STAMP)
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; sys.version_info[:2] == (3, 11) or sys.exit("$(LOCK) \
	is for Python 3.11: rm -r $(VENV) and run make PYTHON=python3.11")'
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python scripts/translations.py compile >/dev/null
	touch $(STAMP)

# Compiled gettext catalogues (messages raised below the GUI) from their .po sources.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py compile

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy app storage sync services cli launch portal ui

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: lint typecheck pytest

run: $(STAMP)
	$(BIN)/python -m launch.run_local

bench: $(STAMP)
	$(BIN)/python -m bench

# Not in make test: building the 1M store takes minutes the first time (then it is cached).
bench-scale: $(STAMP)
	$(BIN)/python -m bench.scale_bench

screenshots: $(STAMP)
	if command -v xvfb-run >/dev/null; then \
		xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python scripts/screenshots.py; \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py; fi
	# The web console's pages, as its browser tests see them (docs/portal.md).
	OUTPOST_CONSOLE_SCREENSHOTS=docs/screenshots/console $(BIN)/pytest -q tests/console

installer: $(STAMP) translations
	$(BIN)/python scripts/release.py installer

release: $(STAMP) translations
	$(BIN)/python scripts/release.py release

# The lock from pyproject.toml's pins; transitive versions already locked stay where they
# still fit unless UPGRADE=1. Then `make test` (its stamp depends on the lock) reinstalls.
lock:
	test -x $(LOCK_TOOL)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOL) && \
		$(LOCK_TOOL)/bin/python -m pip install --quiet --require-hashes -r requirements/uv.txt; }
	$(PYTHON) scripts/lock.py --uv $(LOCK_TOOL)/bin/uv $(if $(UPGRADE),--upgrade)

clean:
	rm -rf $(VENV) $(LOCK_TOOL) build dist .mypy_cache .pytest_cache .ruff_cache
