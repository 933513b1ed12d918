# The Makefile only calls the CLI. Targets that make files are named after the files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: venv publish build test lint format bench eval wheel-check clean

venv: $(STAMP)

# Re-install whenever pyproject.toml changes (the stamp's name carries its checksum).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

# build/package: the package of seeds/, rebuilt when an input changes; never the release (that is `make publish`).
build/package/datapackage.json: $(STAMP) $(wildcard seeds/*.txt seeds/**/*.txt seeds/*.json seeds/*.yaml) $(wildcard tidynews/*.py tidynews/*/*.py tidynews/data/* tidynews/table_schemas/*.json)
	$(BIN)/tidynews build --seeds seeds --out build/package

# publish always runs: the release step itself decides whether anything changed (and refuses a downgrade).
# `make publish BUMP=major` forces a level. Then the README's example questions are re-run on the release.
publish: $(STAMP)
	$(BIN)/tidynews publish $(if $(BUMP),--bump $(BUMP))
	$(BIN)/python scripts/readme_examples.py

build: build/package/datapackage.json

test: $(STAMP)
	$(BIN)/ruff check tidynews tests scripts
	$(BIN)/ruff format --check tidynews tests scripts
	$(BIN)/python -m pytest
	$(BIN)/frictionless validate datapackage.json

lint: $(STAMP)
	$(BIN)/ruff check tidynews tests scripts
	$(BIN)/ruff format --check tidynews tests scripts

format: $(STAMP)
	$(BIN)/ruff format tidynews tests scripts
	$(BIN)/ruff check --fix tidynews tests scripts

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Every shared evaluation set's dev split (../shared/eval, absent in CI: then it says so and stops), one table.
eval: $(STAMP)
	$(BIN)/python scripts/eval.py --table

# The wheel of this checkout, installed in a fresh venv in /tmp, builds the seed articles from another folder.
wheel-check: $(STAMP)
	$(BIN)/python scripts/wheel_check.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info .tidynews-cache
