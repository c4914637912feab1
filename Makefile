# Two entry points: `make play` runs the game, `make test` runs the checks.
# Both create .venv on first use and reinstall only when pyproject.toml changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test lint bench schema extract update compile

$(STAMP): pyproject.toml setup.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

play: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) bench/run_all.py

schema: $(STAMP)
	$(PY) main.py schema --out scenarios/scenario.schema.json

# The gettext catalogues (Babel): extract the marked messages into the template, merge
# it into each language's .po, and compile the .po files into the .mo files the game
# reads. The .mo files are committed, so `make play` and `make test` need none of these.
POT := assets/locale/detente.pot
LANGS := ru

extract: $(STAMP)
	@mkdir -p $(dir $(POT))
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --add-location=file \
		--sort-output --project=Détente --copyright-holder="the Détente authors" \
		--msgid-bugs-address="" -c TRANSLATORS: -o $(POT) game

update: extract
	@for lang in $(LANGS); do \
		po=assets/locale/$$lang/LC_MESSAGES/detente.po; \
		if [ -f $$po ]; then $(VENV)/bin/pybabel -q update --no-fuzzy-matching -D detente \
			-i $(POT) -d assets/locale -l $$lang; \
		else $(VENV)/bin/pybabel -q init -D detente -i $(POT) -d assets/locale -l $$lang; fi; \
	done

compile: $(STAMP)
	$(VENV)/bin/pybabel -q compile -D detente -d assets/locale
