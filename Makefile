# Every target installs what it needs first, so each works on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared
DATASETS = $(SHARED)/datasets

.PHONY: install demo test eval bench lint schema clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/communique extract samples --format table

test: install
	$(BIN)/python -m pytest

eval: install
	mkdir -p out
	$(BIN)/communique eval factrueval $(DATASETS)/factrueval-2016/devset --output out/eval-factrueval.json
	$(BIN)/communique eval nerel $(DATASETS)/nerel-1.1/dev --output out/eval-nerel.json

bench: install
	mkdir -p out
	$(BIN)/python benchmarks/bench.py $(DATASETS)/factrueval-2016/devset --output out/bench.json

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

schema: install
	$(BIN)/communique schema --output docs/record.schema.json

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
