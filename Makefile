# Every target installs what it needs first, so each works on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared
DATASETS = $(SHARED)/datasets
# The embedded store `make demo` fills (a second run finds every sample stored and skips it).
DEMO_DB ?= communique.duckdb
# Where `make demo` serves the dashboard at the end; DEMO_SERVE=0 stops before serving.
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000
DEMO_SERVE ?= 1

.PHONY: install demo test eval bench lint schema docs clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Every bundled document (samples/README.md is no sample), in Russian, Kazakh and English. Exit
# code 8 (a document in a language with no reader, kept and marked) is not a failure.
demo: install
	$(BIN)/communique extract samples/*.txt samples/*.jsonl --format table || [ $$? -eq 8 ]
	$(BIN)/communique --db $(DEMO_DB) ingest samples/*.txt samples/*.jsonl || [ $$? -eq 8 ]
	$(BIN)/communique --db $(DEMO_DB) query events --limit 12
	$(BIN)/communique --db $(DEMO_DB) sql "SELECT type, count(*) AS events, count(DISTINCT document_id) AS documents FROM events GROUP BY type ORDER BY events DESC, type"
	@# A fresh token each run for the demo's analyst, to log in and correct facts on the pages.
	@$(BIN)/communique --db $(DEMO_DB) token revoke demo 2>/dev/null || true
	@echo "Log in on the dashboard with this token (user demo): $$($(BIN)/communique --db $(DEMO_DB) token create demo 2>/dev/null)"
	@if [ "$(DEMO_SERVE)" != "0" ]; then \
		echo "Serving the dashboard until Ctrl-C (DEMO_SERVE=0 skips this step)"; \
		$(BIN)/communique --db $(DEMO_DB) serve --host $(DEMO_HOST) --port $(DEMO_PORT); fi

# The store's tests run on DuckDB and on PostgreSQL: scripts/postgres.sh starts a throw-away
# server (installing PostgreSQL first when run as root) unless $$COMMUNIQUE_TEST_PG names one.
# Where it cannot start (no PostgreSQL, not root), those tests skip and say why; in CI they fail.
# The browser tests drive Debian's Chromium, installed by scripts/chromium.sh when run as root.
test: install
	@bash scripts/chromium.sh install || echo "make test: no Chromium, the browser tests will skip (they fail in CI)"
	@if [ -z "$$COMMUNIQUE_TEST_PG" ] && pg="$$(bash scripts/postgres.sh start)"; then \
		eval "$$pg"; trap 'bash scripts/postgres.sh stop' EXIT; fi; \
	$(BIN)/python -m pytest

eval: install
	mkdir -p out
	$(BIN)/communique eval factrueval $(DATASETS)/factrueval-2016/devset --output out/eval-factrueval.json
	$(BIN)/communique eval nerel $(DATASETS)/nerel-1.1/dev --output out/eval-nerel.json
	$(BIN)/communique eval releases $(DATASETS)/releases-dev --output out/eval-releases.json

bench: install
	mkdir -p out
	$(BIN)/python benchmarks/bench.py $(DATASETS)/factrueval-2016/devset --output out/bench.json
	$(BIN)/python benchmarks/lang_bench.py $(DATASETS)/releases-dev --output out/lang-bench.json

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

schema: install
	$(BIN)/communique schema --output docs/record.schema.json

# The schema and the example record in docs/record.md, regenerated from the code.
docs: install
	$(BIN)/python scripts/build_docs.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
