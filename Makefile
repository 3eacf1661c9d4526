# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test gate install clean-out

$(BIN)/storyline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/storyline

## demo: set up, then run storyline on the bundled sample (the two seed reports)
demo: install
	$(BIN)/storyline run samples/seeds --out out --db out/storyline.sqlite

## test: set up, then run the whole test suite
test: install
	$(BIN)/python -m pytest

## gate: rerun the benchmarks (when ../shared/eval is there) and fail below benchmarks/floors.json
gate: install
	$(BIN)/python benchmarks/gate.py

clean-out:
	rm -rf out
