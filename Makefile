# Two entry points for a fresh machine (Python 3.11 + package registries):
#   make build   install, then build the seed corpus into build/
#   make test    install (with test tools and the Debian chromium browser), then run the suite
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test install install-dev browser lint eval train cv bench bench-view bench-cli screenshot fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A regular (not editable) install: the tests run against the installed wheel, so a
# resource missing from the package fails here, not on a user's machine.
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade --force-reinstall --no-deps .
	$(BIN)/python -m pip install --quiet .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade --force-reinstall --no-deps .
	$(BIN)/python -m pip install --quiet ".[dev]"

# Debian's chromium for the browser tests, and a CJK font so that pages and plots show
# Chinese as glyphs, not boxes.
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null; }

build: install
	$(BIN)/kg build seeds/ -o build/

test: install-dev browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd tests && ../$(BIN)/python -m pytest -q -p no:cacheprovider --rootdir=.. -c ../pyproject.toml .

lint: install-dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

eval: install-dev
	$(BIN)/python bench/dev_eval.py

# The decision layers (kg.learn): retrain the shipped models (relations, entities) from ../shared
# (byte-identical for the same documents and rules), and 5-fold cross-validation by
# document, rules alone vs rules + model (scikit-learn: the train extra, in dev too)
train: install-dev
	$(BIN)/python bench/train.py

cv: install-dev
	$(BIN)/python bench/cv.py --dev

# A long fuzz campaign (minutes; the suite runs a short fixed one). A new seed each run,
# printed so a failure can be replayed: make fuzz KG_FUZZ_SEED=... KG_FUZZ_EXAMPLES=...
KG_FUZZ_EXAMPLES ?= 600
fuzz: install-dev
	@seed=$(or $(KG_FUZZ_SEED),$$(date +%s)); \
	echo "make fuzz: $(KG_FUZZ_EXAMPLES) examples, KG_FUZZ_SEED=$$seed"; \
	cd tests && KG_FUZZ_EXAMPLES=$(KG_FUZZ_EXAMPLES) KG_FUZZ_SEED=$$seed \
	  ../$(BIN)/python -m pytest -q -p no:cacheprovider --rootdir=.. -c ../pyproject.toml fuzz

bench: install
	$(BIN)/python bench/bench.py

# start-up time of each kg command as a fresh process (--help under 1 s)
bench-cli: install
	$(BIN)/python bench/bench_cli.py

# SPARQL at scale: a ~10 M-triple store (graphs kept in /tmp/store-bench), query latency on
# the store, through kg serve and on rdflib, a scaling table (minutes; not in the suite)
bench-query: install-dev
	$(BIN)/python bench/bench_query.py

# docs/view.png: the seeds' view in headless chromium (shown in the README)
screenshot: install-dev browser
	$(BIN)/python bench/screenshot.py seeds/ docs/view.png

# time to a stable, interactive view page for 500, 5,000 and 20,000 nodes
bench-view: install-dev browser
	$(BIN)/python bench/bench_view.py

clean:
	rm -rf build dist *.egg-info .pytest_cache
