# Two entry points for a fresh machine:
#   make serve   set up, build the site from data/, serve it at http://127.0.0.1:8000/
#   make test    set up (with Debian's chromium for browser tests) and run the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build check test lint unit schema bench setup setup-dev system system-test clean

# Debian packages: Pango and a Vietnamese-capable font for PDF study packs; for ingest, poppler (pdftotext,
# pdfinfo, pdfimages, pdftoppm), tesseract with its Vietnamese data for scans and photos, and LibreOffice's
# headless writer for .doc, .rtf and .odt; for the tests, Debian's chromium (browser tests never download a
# browser of their own).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
	poppler-utils tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui
TEST_PACKAGES := chromium
APT_INSTALL = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; fi

serve: setup
	$(PY) build_graph.py serve

build: setup
	$(PY) build_graph.py build

check: setup
	$(PY) build_graph.py check

# The README's test command: lint, types, import contract, then the tests with coverage.
test: setup-dev system-test
	@$(MAKE) --no-print-directory lint unit

lint:
	$(VENV)/bin/ruff check vanban tests benchmarks build_graph.py
	$(VENV)/bin/ruff format --check vanban tests benchmarks build_graph.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	npx --no-install eslint docs/assets/javascripts

# Two workers: the machine has two cores, and half the suite waits on Chromium and MkDocs.
unit:
	$(PY) -m pytest -n 2 --dist loadgroup --cov --cov-report=term

# Regenerate the JSON Schema that editors use for data/documents/*.yaml (a test checks it is current).
schema: setup
	$(PY) build_graph.py schema > docs/schema/document.schema.json

bench: setup-dev system-test
	$(PY) benchmarks/build_bench.py --docs 1000
	rm -rf build/bench10k
	$(PY) benchmarks/build_bench.py --docs 10000 --keep build/bench10k
	$(PY) benchmarks/search_bench.py --docs 10000 --site build/bench10k/site
	$(PY) benchmarks/graph_bench.py --docs 10000 --site build/bench10k/site
	$(PY) benchmarks/citation_bench.py
	$(PY) benchmarks/citation_quality.py

setup: system $(VENV)/.runtime

setup-dev: system $(VENV)/.dev

system:
	@$(call APT_INSTALL,$(SYSTEM_PACKAGES))

system-test:
	@$(call APT_INSTALL,$(TEST_PACKAGES))

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Installs from the lock files, which pin every package, transitive ones included; then vanban
# itself (editable, no dependencies) for the `vanban` command.
PIP_INSTALL = $(PY) -m pip install --quiet --disable-pip-version-check

$(VENV)/.runtime: requirements.txt requirements-lock.txt pyproject.toml package-lock.json | $(VENV)/bin/python node_modules/.installed
	$(PIP_INSTALL) -r requirements-lock.txt
	$(PIP_INSTALL) --no-deps -e .
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt requirements-dev-lock.txt pyproject.toml package-lock.json | $(VENV)/bin/python node_modules/.installed
	$(PIP_INSTALL) -r requirements-dev-lock.txt
	$(PIP_INSTALL) --no-deps -e .
	touch $(VENV)/.runtime $@

# The graph library (cytoscape) and ESLint, exactly as package-lock.json pins them; the build copies
# cytoscape into the site.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf build site .pytest_cache node_modules
