# Hemisphere: `make lab` opens the lessons, `make test` checks the whole pack.
# Both set up what they need first (a virtual environment in .venv), so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP_STAMP := $(VENV)/.setup-done
TEST_STAMP := $(VENV)/.test-setup-done
BENCH_STAMP := $(VENV)/.bench-setup-done
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
# Two pytest workers: JupyterLab's browser tests run beside the rest (see tests/conftest.py).
TEST_WORKERS ?= 2
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup setup-test lab test bench data site browser clean

## setup: create .venv and install the pack with its pinned packages (safe to run again)
setup: $(SETUP_STAMP)

$(SETUP_STAMP): pyproject.toml scripts/lab-overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable .
	@mkdir -p $(dir $(LAB_SETTINGS))
	cp scripts/lab-overrides.json $(LAB_SETTINGS)
	@touch $@

setup-test: $(TEST_STAMP)

$(TEST_STAMP): $(SETUP_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable ".[test]"
	@touch $@

$(BENCH_STAMP): $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable ".[test,bench]"
	@touch $@

## lab: open JupyterLab on the start notebook
lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

## test: set up, install Chromium where possible, run the whole suite
test: setup-test browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

## browser: install Chromium and Node.js/npm for the browser tests (needs root; otherwise says how)
browser:
	@scripts/install_browser.sh

## bench: speed and size figures against ipyleaflet and the naive design, written to benchmarks/results.json
## (BENCH_ARGS, e.g. "--runs 20 --designs explorer", are passed on)
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

## site: build the static site into site/ (executes every lesson; needs Node.js and npm once)
site: setup-test
	$(BIN)/python scripts/build_site.py

## data: rebuild data/countries.geojson and data/seas.geojson from the Natural Earth cuts in scripts/sources/
data: setup
	$(BIN)/python scripts/build_countries.py
	$(BIN)/python scripts/build_seas.py

clean:
	rm -rf $(VENV) site test-artifacts .pytest_cache
