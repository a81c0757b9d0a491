# One virtual environment, made on first use; every target uses it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## The main job: the clinic web app on SQLite with the bundled evidence and a demo clinic.
run: $(STAMP)
	$(BIN)/acupath serve --demo

## The whole suite: ruff, mypy (strict for acupath/), pytest.
test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check acupath tests benchmarks
	$(BIN)/ruff format --check acupath tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy acupath

pytest: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
