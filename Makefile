# Two commands for a fresh machine with Python >= 3.11 and pip:
#   make demo   installs newsprobe and analyses the reference page (terminal view + HTML report)
#   make test   installs newsprobe with test dependencies and runs the whole test suite
PYTHON ?= python3
VENV ?= .venv
REFERENCE ?= ../shared/examples/globalresearch-2017-06-28-lavrov.md
BIN = $(VENV)/bin
PIP = $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install install-dev bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) install -e .

install-dev: $(BIN)/python
	$(PIP) install -e ".[dev]"

demo: install
	$(BIN)/newsprobe analyze $(REFERENCE)
	$(BIN)/newsprobe analyze $(REFERENCE) --format html --out out/reference-report.html

test: install-dev
	$(BIN)/python -m pytest -q

bench: install-dev
	$(BIN)/python bench/extraction.py

schema: install
	$(BIN)/newsprobe schema --out schema/report.schema.json

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache
