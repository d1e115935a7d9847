# Alle mål opretter og bruger et lokalt virtuelt miljø i .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installeret
DEMO := demo-arbejdsmappe

.PHONY: demo test lint bench schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	bash eksempler/demo.sh $(BIN)/tilsyn $(DEMO)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eksempler
	$(BIN)/ruff format --check src tests bench eksempler
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -c 'import pandas' 2>/dev/null || $(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/run.py

schemas: $(STAMP)
	$(BIN)/tilsyn skema --mappe skema

clean:
	rm -rf $(VENV) $(DEMO) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
