# The two commands a newcomer needs: `make maps` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: maps test check lint geodata bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("iranmap needs Python >= 3.11, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@# ensurepip compiles every module of pip into the new environment (some 6 s of CPU): where
	@# this Python's own pip can install into another environment (--python, pip 22.3+), the
	@# environment is made without it and that pip installs pip there, uncompiled.
	if $(PYTHON) -m pip --help 2>/dev/null | grep -q -- '--python <python>'; then \
	  $(PYTHON) -m venv --without-pip $(VENV) && \
	  $(PYTHON) -m pip --python $(BIN)/python install --quiet --no-compile --upgrade pip; \
	else \
	  $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet --upgrade pip; \
	fi

# --no-compile: Python compiles each module the first time it is imported, so installing
# skips compiling the many a run never imports (half the install's time).
$(VENV)/.installed: pyproject.toml .ci/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile -c .ci/constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml .ci/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile -c .ci/constraints.txt -e '.[test,notebook]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-extra: pyproject.toml .ci/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile -c .ci/constraints.txt -e '.[test,notebook,geodata,bench]'
	touch $(VENV)/.installed $(VENV)/.installed-test $@

## Build the maps of every shipped report into maps/.
maps: $(VENV)/.installed
	$(BIN)/iranmap build

# The tests start many Python processes (commands, builds, the test workers): each reads the
# bytecode the first one to import a module wrote. Where the environment sets
# PYTHONDONTWRITEBYTECODE, none is ever written (the install skips compiling: --no-compile), and
# every process compiles pandas, numpy and iranmap again: about 2 s of CPU each.
test check: export PYTHONDONTWRITEBYTECODE :=

## Lint, type-check, check committed maps are current, run the whole test suite.
test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	@# The type check and the maps check run beside the tests, on the cores the tests leave
	@# idle while they wait for Chromium and for the commands they start; their output is
	@# shown after the tests'. All three must pass.
	@logs=$$(mktemp -d); \
	$(BIN)/mypy > $$logs/types 2>&1 & types=$$!; \
	$(BIN)/iranmap build --check > $$logs/maps 2>&1 & maps=$$!; \
	$(BIN)/pytest -n auto --dist worksteal; tests=$$?; \
	wait $$types; types=$$?; wait $$maps; maps=$$?; \
	echo "$(BIN)/mypy"; cat $$logs/types; \
	echo "$(BIN)/iranmap build --check"; cat $$logs/maps; rm -rf $$logs; \
	[ $$tests = 0 ] && [ $$types = 0 ] && [ $$maps = 0 ]

## Everyday: lint, type-check and the fast tests (not those marked slow; no --check).
check: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -n auto --dist worksteal -m "not slow" -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

## Rebuild geodata/ from geodata/sources/, scripts/geodata-sources/ and the packages in the
## virtualenv (no network; only scripts/build_geodata.py --refresh-land needs npm and network).
geodata: $(VENV)/.installed-extra
	$(BIN)/python scripts/build_geodata.py

## Benchmarks against folium and geopandas.explore(); writes bench/RESULTS.md.
bench: $(VENV)/.installed-extra
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
