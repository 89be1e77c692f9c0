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

.PHONY: setup setup-test setup-hub lab test test-pythons bench load-test data site browser clean

## setup: create .venv and install the pack with its pinned packages (safe to run again)
setup: $(SETUP_STAMP)

$(SETUP_STAMP): pyproject.toml scripts/lab-overrides.json
	@test -x $(BIN)/python || { $(PYTHON) scripts/check_python.py && $(PYTHON) -m venv $(VENV); }
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

## lab: open JupyterLab on the start notebook; ARGS adds options, e.g. make lab ARGS="--no-browser --port 9000"
lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) $(ARGS) notebooks/00_start_here.ipynb

## test: set up, install Chromium where possible, run the whole suite
test: setup-test browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

## test-pythons: the fast tests and every lesson on each Python 3.10+ found here, each in its own .venv-3.X
test-pythons: setup-test
	TEST_WORKERS=$(TEST_WORKERS) $(BIN)/python scripts/every_python.py

## browser: install Chromium and Node.js/npm for the browser tests (needs root; otherwise says how)
browser:
	@scripts/install_browser.sh

## bench: speed and size figures against ipyleaflet and the naive design, written to benchmarks/results.json
## (BENCH_ARGS, e.g. "--runs 20 --designs explorer", are passed on)
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

## load-test: a class on one JupyterHub on 127.0.0.1, measured; writes benchmarks/hub_load.json (STUDENTS=3: a quick run)
STUDENTS ?= 30
HUB_STAMP := $(VENV)/.hub-setup-done
HUB_DIR := benchmarks/hub_load

setup-hub: $(HUB_STAMP)

$(HUB_STAMP): $(SETUP_STAMP) $(HUB_DIR)/package.json $(HUB_DIR)/package-lock.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable ".[hub]"
	npm ci --prefix $(HUB_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

load-test: setup-hub
	cd benchmarks && ../$(BIN)/python -m hub_load --students $(STUDENTS)

## site: build the static site into site/ (executes every lesson; needs Node.js and npm once)
site: setup-test
	$(BIN)/python scripts/build_site.py

## data: rebuild data/countries.geojson and data/seas.geojson from the Natural Earth cuts in scripts/sources/
data: setup
	$(BIN)/python scripts/build_countries.py
	$(BIN)/python scripts/build_seas.py

clean:
	rm -rf $(VENV) .venv-3.* site test-artifacts .pytest_cache $(HUB_DIR)/node_modules
