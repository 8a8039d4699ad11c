# Outpost — one entry point for people and CI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help run test lint typecheck pytest bench bench-scale clean screenshots installer release translations

help:
	@echo "make run    - set up and start the client (first run offers a demo installation)"
	@echo "make test   - set up and run ruff, mypy and the test suite"
	@echo "make bench  - benchmarks (tables with baseline ratios)"
	@echo "make bench-scale - the client at 10k, 100k and 1M reports (stores cached in .bench-cache/)"
	@echo "make screenshots - render the main screens at 1366x768 into docs/screenshots/ (console: docs/screenshots/console/)"
	@echo "make installer - the one-folder bundle and the .deb in dist/ (docs/install.md)"
	@echo "make release - installer + dist/release/: .deb, .tar.gz, SHA256SUMS and its signature"

# Creates the virtual environment from nothing and installs the project with its dev tools.
$(VENV): $(STAMP)
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
