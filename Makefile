# FOI Desk: `make help` lists the targets. CI calls these same targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Install FOI Desk and its tools into .venv

.PHONY: run
run: install ## Migrate, load the demo data and serve on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/foidesk demo --skip-if-refused
	$(BIN)/foidesk serve --port $(PORT)

.PHONY: demo
demo: install ## Load the demo data (idempotent)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/foidesk demo

# The tests keep their compiled modules (and pytest's rewritten test modules) in var/pycache, not beside the
# sources: without a cache every run, every xdist worker and every command a test starts compiles all of
# them again (collecting all but the release-check corpus: about 14 s of CPU cold, 4 s warm).
TEST_ENV := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache

.PHONY: test
test: install ## Run the whole test suite (DATABASE_URL selects PostgreSQL; SQLite otherwise)
	$(TEST_ENV) $(BIN)/pytest -q -n 2 --dist loadgroup

.PHONY: test-coverage
test-coverage: install ## The whole suite as `make test`, measuring coverage of core/ and the services; fails below the floor
	mkdir -p var/coverage
	$(TEST_ENV) $(BIN)/pytest -q -n 2 --dist loadgroup --cov --cov-report=term

.PHONY: lint
lint: install ## ruff, mypy and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src/foidesk/core
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

FUZZ_SCALE ?= 20
FUZZ_SECONDS ?= 120
.PHONY: fuzz
fuzz: install ## Fuzz every parser of outside data for longer (FUZZ_SCALE x the CI examples; FUZZ_SECONDS per atheris target)
	FOIDESK_FUZZ_SCALE=$(FUZZ_SCALE) $(BIN)/pytest -q -p no:randomly -n 0 tests/fuzz --durations=0
	mkdir -p var/fuzz
	for target in request email notice register; do \
		$(BIN)/python -m tests.fuzz.atheris_targets $$target -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
			-artifact_prefix=var/fuzz/ -print_final_stats=1 || exit 1; \
	done

.PHONY: bench
bench: install ## Run the benchmarks; figures go to docs/benchmarks.md
	$(BIN)/python benchmarks/run.py

LOAD_SECONDS ?= 600
LOAD_ENTRIES ?= 1000000
.PHONY: load
load: install ## Soak the public log and API on 127.0.0.1 (gunicorn, wrk): LOAD_SECONDS a target, LOAD_ENTRIES entries
	FOIDESK_BENCH_HTTP_SECONDS=$(LOAD_SECONDS) FOIDESK_BENCH_LOG_N=$(LOAD_ENTRIES) $(BIN)/python benchmarks/run.py log_http

SOAK_SECONDS ?= 600
.PHONY: soak
soak: install ## Soak on 127.0.0.1: public log and API under wrk for SOAK_SECONDS (memory slope, errors), then 50 staff at once
	SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/python benchmarks/soak.py

.PHONY: eval
eval: install ## Score the request parser on every labelled set, the blind one beside the tuned (SET=requests_real: one folder)
	$(BIN)/python benchmarks/eval_parsing.py $(if $(SET),tests/data/$(SET))

.PHONY: eval-notices
eval-notices: install ## Score the notice checker on the published responses in tests/data/notices/
	$(BIN)/python benchmarks/eval_notices.py tests/data/notices

.PHONY: assets
assets: ## Refresh the vendored GOV.UK and MOJ Frontend assets from the npm registry
	bash scripts/vendor-assets.sh

.PHONY: clean
clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var
