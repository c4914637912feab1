# Two entry points: `make play` runs the game, `make test` runs the checks.
# Both create .venv on first use and reinstall only when pyproject.toml changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core for the browser tests' accessibility checks: a dev tool from npm, never shipped.
AXE := dev/axe/node_modules/axe-core/axe.min.js

.PHONY: play test lint bench schema

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

play: $(STAMP)
	$(PY) main.py

$(AXE): dev/axe/package.json dev/axe/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix dev/axe --no-audit --no-fund --silent || \
		echo "axe-core could not be installed: the browser tests will skip the accessibility checks"; \
	else echo "npm is not installed: the browser tests will skip the accessibility checks"; fi

test: $(STAMP) $(AXE)
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) bench/run_all.py

schema: $(STAMP)
	$(PY) main.py schema --out scenarios/scenario.schema.json
