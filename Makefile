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

# Retrain the shipped rhetoric model on ../shared/eval/rhetoric/ptc (docs/model-card-rhetoric.md).
.PHONY: train-rhetoric
train-rhetoric: setup
	nice $(BIN)/python scripts/train_rhetoric.py

# Retrain the shipped event classifier on ../shared/eval/events/acled.jsonl, without its held-out split
# (docs/model-card-events.md); `newsprism eval events` then scores records the model never saw.
.PHONY: train-events
train-events: setup
	nice $(BIN)/python scripts/train_event_model.py
