# Outpost — one entry point for people and CI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help run test lint typecheck pytest bench clean

help:
	@echo "make run    - set up and start the client (first run offers a demo installation)"
	@echo "make test   - set up and run ruff, mypy and the test suite"
	@echo "make bench  - benchmarks (tables with baseline ratios)"

# Creates the virtual environment from nothing and installs the project with its dev tools.
$(VENV): $(STAMP)
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy app storage sync cli portal

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: lint typecheck pytest

run: $(STAMP)
	$(BIN)/python -m ui.app

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
