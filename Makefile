# Two entry points for a fresh machine:
#   make serve   set up, build the site from data/, serve it at http://127.0.0.1:8000/
#   make test    set up (with Debian's chromium for browser tests) and run the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build check test bench setup setup-dev browser clean

serve: setup
	$(PY) build_graph.py serve

build: setup
	$(PY) build_graph.py build

check: setup
	$(PY) build_graph.py check

test: setup-dev browser
	$(PY) -m pytest

bench: setup-dev browser
	$(PY) benchmarks/build_bench.py --docs 1000
	rm -rf build/bench10k
	$(PY) benchmarks/build_bench.py --docs 10000 --keep build/bench10k
	$(PY) benchmarks/search_bench.py --docs 10000 --site build/bench10k/site
	$(PY) benchmarks/graph_bench.py --docs 10000 --site build/bench10k/site
	$(PY) benchmarks/citation_bench.py
	$(PY) benchmarks/citation_quality.py

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt package-lock.json | $(VENV)/bin/python node_modules/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt package-lock.json | $(VENV)/bin/python node_modules/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# The graph library (cytoscape), exactly as package-lock.json pins it; the build copies it into the site.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium: browser tests must not download a browser of their own.
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

clean:
	rm -rf build site .pytest_cache node_modules
