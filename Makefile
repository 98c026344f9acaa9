# The book's commands. `make book` and `make test` are the whole set-up: each creates
# .venv from requirements.txt first (once; again whenever requirements.txt changes).
#
#   make book        build the site into _build/html (SOLUTIONS=hide leaves solutions out)
#   make test        run every test: data, package, pairing, nbval, build
#   make notebooks   make each chapters/NN-topic.ipynb from its .md and execute it
#                    (CHAPTERS="chapters/01-....md" for some only)
#   make bench       time each chapter and the build; write benchmarks/report.md
#   make screenshots the browser test, keeping screenshots in _build/screenshots
#   make lock        re-resolve requirements.in into requirements.txt (needs the network)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3.12)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready-$(shell cksum < requirements.txt | cut -d' ' -f1)
# Every Python process of a build or test run refuses the network (tests/offline).
OFFLINE := PYTHONPATH=$(CURDIR)/tests/offline PYDEVD_DISABLE_FILE_VALIDATION=1
SOLUTIONS ?= show

.PHONY: help book test notebooks bench lock clean screenshots

help:
	@sed -n '1,11p' Makefile | sed 's/^# \{0,1\}//'

# The stamp's name carries requirements.txt's checksum, so the environment is rebuilt when
# the pins change, not merely when the file is touched (a fresh clone or worktree).
$(READY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or 3.12 is needed (set PYTHON=...)"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@# Build matplotlib's font cache now, so its one-off notice never lands in a notebook.
	$(BIN)/python -c "import matplotlib.pyplot"
	touch $@

book: $(READY)
	rm -rf _build/html
ifeq ($(SOLUTIONS),hide)
	@mkdir -p _build
	$(BIN)/python -m sinorus.sphinx_solutions _build/config-without-solutions.yml
	$(OFFLINE) $(BIN)/jupyter-book build . --all -W -n --keep-going \
		--config _build/config-without-solutions.yml
else
	$(OFFLINE) $(BIN)/jupyter-book build . --all -W -n --keep-going
endif
	@echo "The book is built: $(CURDIR)/_build/html/index.html"

test: $(READY)
	$(OFFLINE) $(BIN)/python -m pytest

notebooks: $(READY)
	$(OFFLINE) $(BIN)/python -m sinorus.notebooks regenerate $(CHAPTERS)

screenshots: $(READY)
	$(OFFLINE) SINORUS_SCREENSHOTS=$(CURDIR)/_build/screenshots $(BIN)/python -m pytest tests/test_browser.py

bench: $(READY)
	$(OFFLINE) $(BIN)/python benchmarks/run.py

lock:
	rm -rf .lockvenv
	$(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet -r requirements.in
	{ sed -n '1,2p' requirements.txt; .lockvenv/bin/python -m pip freeze; } > requirements.txt.new
	mv requirements.txt.new requirements.txt
	rm -rf .lockvenv

clean:
	rm -rf _build $(VENV) .pytest_cache
