# The README's two commands: `make sitrep` (the main job) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup setup-test sitrep test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e .

setup-test: $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"

sitrep: setup
	$(BIN)/newsprism sitrep

lint: setup-test
	$(BIN)/ruff check newsprism tests bench

test: setup-test lint
	eval "$$(bash scripts/test-services.sh)"; $(BIN)/python -m pytest $(PYTEST_ARGS)
