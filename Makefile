# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Each creates .venv (if needed) and installs from constraints.txt (exact versions).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt
# pytest-xdist workers. Most tests wait (Pilot's pauses, subprocesses, tmux, a browser), so
# 4 beat one per core even on 2 cores (the suite: 336 s with 2, 261 s with 4, measured
# 2026-11-28). Updating snapshots needs PYTEST_WORKERS=0 (one process sees every snapshot;
# a worker would take the others' for unused ones).
PYTEST_WORKERS ?= 4
# The core tests mostly compute (hypothesis, crash loops): one worker per core is faster there
# (165 s with 2 workers, 256 s with 4).
LOWEST_WORKERS ?= auto

.PHONY: run test lowest-deps bench contrast clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.test-installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e ".[test,postgres]"
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/hr-wizard $(ARGS)

# Lint and types first (seconds), then the tests.
test: $(VENV)/.test-installed
	$(BIN)/ruff check hr_wizard tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The core tests against the lowest versions pyproject.toml allows (uv, --resolution
# lowest-direct), in a fresh .venv-lowest. CI runs it after the main suite.
lowest-deps:
	PYTHON=$(PYTHON) bash scripts/lowest-deps.sh -n $(LOWEST_WORKERS) $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py $(ARGS)

# Contrast of every colour pair on screen, per theme; fails below 7:1 in high contrast.
contrast: $(VENV)/.run-installed
	$(BIN)/python scripts/contrast.py $(ARGS)

clean:
	rm -rf $(VENV) .venv-lowest build *.egg-info
