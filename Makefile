# depesha: the two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= depesha.db

.PHONY: demo test test-fast lint setup setup-system bench eval clean

$(BIN)/depesha: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(BIN)/depesha

setup-system:
	./scripts/setup-system.sh

## demo: set up, extract the bundled samples and load them into an SQLite store
demo: setup
	$(BIN)/depesha extract samples/01-*.txt --format json | head -60
	-$(BIN)/depesha ingest samples/ --db $(DB)
	-$(BIN)/depesha relations KZ MX --db $(DB)
	-$(BIN)/depesha stats --db $(DB)

## test: everything CI runs (system packages, lint, the whole suite incl. slow tests)
test: setup setup-system
	$(BIN)/ruff check depesha tests bench scripts
	$(BIN)/mypy depesha
	$(BIN)/pytest -q -p no:cacheprovider; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

## test-fast: skip the slow suites (gold-standard evaluation, Spark, browser)
test-fast: setup
	$(BIN)/pytest -q -m 'not slow'; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

lint: setup
	$(BIN)/ruff check depesha tests bench scripts
	$(BIN)/mypy depesha

bench: setup
	$(BIN)/python bench/throughput.py

eval: setup
	$(BIN)/depesha eval factru ../shared/data/factrueval-2016/devset --out out/factru
	$(BIN)/depesha eval nerel ../shared/data/nerel-1.1/dev --out out/nerel

clean:
	rm -rf $(VENV) out $(DB) .pytest_cache .ruff_cache .mypy_cache
